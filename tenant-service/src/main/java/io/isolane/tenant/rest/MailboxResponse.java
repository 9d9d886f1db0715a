package io.isolane.tenant.rest;

import io.isolane.contracts.events.MailboxStatus;
import io.isolane.tenant.Mailbox;
import java.time.Instant;

/** A mailbox as the API shows it; its daily cap comes from warmup-service. */
public record MailboxResponse(
    String address,
    String domain,
    String displayName,
    String replyTo,
    MailboxStatus status,
    String statusReason,
    String capSource,
    Instant createdAt,
    Instant updatedAt) {
  static MailboxResponse of(Mailbox m) {
    return new MailboxResponse(
        m.address,
        m.domain,
        m.displayName,
        m.replyTo,
        m.status,
        m.statusReason,
        "warmup",
        m.createdAt,
        m.updatedAt);
  }
}
