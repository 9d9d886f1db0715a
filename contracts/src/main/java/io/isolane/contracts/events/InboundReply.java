package io.isolane.contracts.events;

import java.time.Instant;

/**
 * Inbound mail received for one of a tenant's domains ({@code inbound.replies}, key = tenant id).
 *
 * @param replyId platform id of the inbound message
 * @param tenantId tenant owning the recipient domain
 * @param recipient the address the mail was sent to
 * @param sender envelope sender
 * @param sesMessageId SES receipt message id
 * @param receivedAt when SES received it
 * @param rawMime the full RFC 5322 message, base64
 * @param spamVerdict SES's spam verdict as SES gives it ({@code PASS}, {@code FAIL}, {@code GRAY},
 *     {@code PROCESSING_FAILED}, {@code DISABLED}); null when the receipt has none
 * @param virusVerdict SES's virus verdict, same values; never {@code FAIL} here (such mail is not
 *     forwarded)
 */
public record InboundReply(
    String replyId,
    String tenantId,
    String recipient,
    String sender,
    String sesMessageId,
    Instant receivedAt,
    String rawMime,
    String spamVerdict,
    String virusVerdict)
    implements TenantEvent {

  /** The first published shape: no verdicts. */
  public InboundReply(
      String replyId,
      String tenantId,
      String recipient,
      String sender,
      String sesMessageId,
      Instant receivedAt,
      String rawMime) {
    this(replyId, tenantId, recipient, sender, sesMessageId, receivedAt, rawMime, null, null);
  }
}
