package io.isolane.contracts.unsubscribe;

import java.time.Instant;
import java.util.Objects;

/**
 * What a one-click unsubscribe link stands for: this recipient no longer wants this tenant's mail.
 * sending-service signs it into the {@code List-Unsubscribe} URL of marketing mail and
 * feedback-service verifies it when the link is posted (RFC 8058).
 *
 * @param tenantId tenant whose mail the recipient leaves (the scope of the suppression)
 * @param recipient recipient address, lower case
 * @param messageId the message the link came in
 * @param issuedAt when the link was signed (whole seconds)
 */
public record UnsubscribeToken(
    String tenantId, String recipient, String messageId, Instant issuedAt) {

  public UnsubscribeToken {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(issuedAt, "issuedAt");
    recipient = recipient.toLowerCase(java.util.Locale.ROOT);
    issuedAt = Instant.ofEpochSecond(issuedAt.getEpochSecond());
  }
}
