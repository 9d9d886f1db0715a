package io.isolane.warmup.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.events.ReplyClassified;
import io.isolane.warmup.ReplySignal;
import io.isolane.warmup.config.WarmupConfig;
import io.isolane.warmup.repository.ProcessedEventRepository;
import io.isolane.warmup.repository.SendDayRepository;
import io.isolane.warmup.repository.SenderWarmupRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Counts each mailbox's human and negative replies per local day (the day it was classified, in the
 * mailbox's zone) from reply.classified, once per event id. Replies without a mailbox and machine
 * replies (bounces, auto-replies, out-of-office) count nothing.
 */
@ApplicationScoped
public class ReplyActivity {
  private final SendDayRepository days;
  private final ProcessedEventRepository processed;
  private final SenderWarmupRepository senders;
  private final WarmupConfig config;
  private final Clock clock;

  public ReplyActivity(
      SendDayRepository days,
      ProcessedEventRepository processed,
      SenderWarmupRepository senders,
      WarmupConfig config,
      Clock clock) {
    this.days = days;
    this.processed = processed;
    this.senders = senders;
    this.config = config;
    this.clock = clock;
  }

  @WithTransaction
  public Uni<Void> count(ContractEvent<ReplyClassified> event) {
    ReplyClassified reply = event.data();
    ReplySignal signal = ReplySignal.of(reply.category());
    if (signal == ReplySignal.NONE || reply.mailbox() == null || reply.mailbox().isBlank()) {
      return Uni.createFrom().voidItem();
    }
    return processed
        .firstTime(event.id(), clock.instant())
        .chain(first -> first ? add(reply, signal) : Uni.createFrom().voidItem());
  }

  private Uni<Void> add(ReplyClassified reply, ReplySignal signal) {
    String mailbox = reply.mailbox().toLowerCase();
    Instant at = reply.classifiedAt() == null ? clock.instant() : reply.classifiedAt();
    return senders
        .of(reply.tenantId(), mailbox)
        .map(s -> s == null ? config.defaultTimeZone() : s.timeZone)
        .chain(
            zone ->
                days.addReplies(
                    reply.tenantId(),
                    mailbox,
                    LocalDate.ofInstant(at, ZoneId.of(zone)),
                    signal.replies(),
                    signal.negativeReplies()));
  }
}
