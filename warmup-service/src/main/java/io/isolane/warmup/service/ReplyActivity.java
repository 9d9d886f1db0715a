package io.isolane.warmup.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.events.ReplyClassified;
import io.isolane.warmup.ReplySignal;
import io.isolane.warmup.repository.SendDayRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts each mailbox's human and negative replies per local day (the day it was classified, in the
 * mailbox's zone) from reply.classified, once per event id. Replies without a mailbox and machine
 * replies (bounces, auto-replies, out-of-office) count nothing.
 */
@ApplicationScoped
public class ReplyActivity {
  private final SendDayRepository days;
  private final MailboxDays mailboxDays;

  public ReplyActivity(SendDayRepository days, MailboxDays mailboxDays) {
    this.days = days;
    this.mailboxDays = mailboxDays;
  }

  @WithTransaction
  public Uni<Void> count(ContractEvent<ReplyClassified> event) {
    ReplyClassified reply = event.data();
    ReplySignal signal = ReplySignal.of(reply.category());
    if (signal == ReplySignal.NONE || reply.mailbox() == null || reply.mailbox().isBlank()) {
      return Uni.createFrom().voidItem();
    }
    String mailbox = reply.mailbox().toLowerCase();
    return mailboxDays.once(
        event.id(),
        reply.tenantId(),
        mailbox,
        mailboxDays.orNow(reply.classifiedAt()),
        day ->
            days.addReplies(
                reply.tenantId(), mailbox, day, signal.replies(), signal.negativeReplies()));
  }
}
