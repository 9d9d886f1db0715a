package io.isolane.warmup.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.warmup.repository.SendDayRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts each mailbox's sends, hard bounces and complaints per local day from email.events, once
 * per event id: "sent today", yesterday's own rates and idleness come from these counts.
 */
@ApplicationScoped
public class SendActivity {
  private final SendDayRepository days;
  private final MailboxDays mailboxDays;

  public SendActivity(SendDayRepository days, MailboxDays mailboxDays) {
    this.days = days;
    this.mailboxDays = mailboxDays;
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
    return mailboxDays.once(
        event.id(),
        e.tenantId(),
        mailbox,
        e.occurredAt(),
        day -> days.add(e.tenantId(), mailbox, day, sent, hard, complaints));
  }
}
