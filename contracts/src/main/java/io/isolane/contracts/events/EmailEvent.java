package io.isolane.contracts.events;

import java.time.Instant;
import java.util.Map;

/**
 * One lifecycle event of one message for one recipient ({@code email.events}, key = tenant id).
 *
 * @param messageId platform message id
 * @param tenantId owning tenant
 * @param type what happened
 * @param mailbox sending mailbox (From address)
 * @param stream the message's stream
 * @param recipient the recipient concerned (null for message-level events such as accepted)
 * @param occurredAt when it happened
 * @param reason why, for deferred, rejected, suppressed, cancelled, failed and bounced events
 * @param sesMessageId SES message id, once SES accepted the message
 * @param bounce bounce details, for bounced events
 * @param complaintFeedbackType feedback type of a complaint (abuse, fraud, ...)
 * @param tags the message's tags
 */
public record EmailEvent(
    String messageId,
    String tenantId,
    EmailEventType type,
    String mailbox,
    Stream stream,
    String recipient,
    Instant occurredAt,
    String reason,
    String sesMessageId,
    Bounce bounce,
    String complaintFeedbackType,
    Map<String, String> tags)
    implements TenantEvent {

  /**
   * Bounce details.
   *
   * @param kind permanent, transient or undetermined
   * @param subType SES bounce subtype (General, NoEmail, Suppressed, MailboxFull, ...)
   * @param diagnosticCode the remote MTA's diagnostic, verbatim
   * @param reasonClass classified reason (userunknown, mailboxfull, blocked, ...)
   */
  public record Bounce(String kind, String subType, String diagnosticCode, String reasonClass) {}
}
