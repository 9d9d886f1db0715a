package io.isolane.sending;

/** Where a message is in sending-service: the send ledger's states. */
public enum MessageStatus {
  /** Taken off the topic before its tenant's state arrived; accepted once it does. */
  AWAITING_TENANT,
  /** Durably queued in its tenant's lane, waiting for budget (or for the tenant to resume). */
  ACCEPTED,
  /** Claimed by the scheduler; the SES call is under way. */
  SENDING,
  /** Terminal: SES accepted it (its SES message id is recorded). */
  SENT,
  /** Terminal: a recipient is suppressed for this tenant. */
  SUPPRESSED,
  /** Terminal: cancelled (by the client, or because its tenant was deleted). */
  CANCELLED,
  /** Terminal: its expiresAt passed before it could be sent. */
  EXPIRED,
  /** Terminal: will never be sent; the reason (e.g. SES's error) is recorded and published. */
  FAILED,
  /** Terminal until an operator decides: the SES call's outcome is unknown; never resent. */
  IN_DOUBT
}
