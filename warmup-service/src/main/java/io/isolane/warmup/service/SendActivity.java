package io.isolane.warmup.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.warmup.config.WarmupConfig;
import io.isolane.warmup.repository.ProcessedEventRepository;
import io.isolane.warmup.repository.SendDayRepository;
import io.isolane.warmup.repository.SenderWarmupRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Counts each mailbox's sends, hard bounces and complaints per local day from email.events, once
 * per event id: "sent today", yesterday's own rates and idleness come from these counts.
 */
@ApplicationScoped
public class SendActivity {
  private final SendDayRepository days;
  private final ProcessedEventRepository processed;
  private final SenderWarmupRepository senders;
  private final WarmupConfig config;
  private final Clock clock;

  public SendActivity(
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
  public Uni<Void> count(ContractEvent<EmailEvent> event) {
    EmailEvent e = event.data();
    int sent = e.type() == EmailEventType.SENT ? 1 : 0;
    int hard =
        e.type() == EmailEventType.BOUNCED
                && e.bounce() != null
                && "permanent".equalsIgnoreCase(e.bounce().kind())
            ? 1
            : 0;
    int complaints = e.type() == EmailEventType.COMPLAINED ? 1 : 0;
    if (sent + hard + complaints == 0 || e.mailbox() == null) {
      return Uni.createFrom().voidItem();
    }
    String mailbox = e.mailbox().toLowerCase();
    return processed
        .firstTime(event.id(), clock.instant())
        .chain(
            first ->
                !first
                    ? Uni.createFrom().voidItem()
                    : senders
                        .of(e.tenantId(), mailbox)
                        .map(s -> s == null ? config.defaultTimeZone() : s.timeZone)
                        .chain(
                            zone ->
                                days.add(
                                    e.tenantId(),
                                    mailbox,
                                    LocalDate.ofInstant(e.occurredAt(), ZoneId.of(zone)),
                                    sent,
                                    hard,
                                    complaints)));
  }
}
