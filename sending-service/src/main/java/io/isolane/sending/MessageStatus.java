package io.isolane.sending;

/** Where a message is in sending-service. */
public enum MessageStatus {
  /** Taken off the topic before its tenant's state arrived; accepted once it does. */
  AWAITING_TENANT,
  /** Durably parked for its tenant's lane. */
  ACCEPTED,
  /** Will never be sent; the reason is recorded and published. */
  FAILED
}
