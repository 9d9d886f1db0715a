package io.isolane.contracts.events;

/** Every step of a message's delivery lifecycle. */
public enum EmailEventType {
  ACCEPTED,
  DEFERRED,
  SENT,
  DELIVERED,
  BOUNCED,
  COMPLAINED,
  REJECTED,
  DELIVERY_DELAYED,
  OPENED,
  CLICKED,
  SUPPRESSED,
  CANCELLED,
  FAILED,
  UNSUBSCRIBED,
  /** Given up on: its expiresAt passed before it could be sent. */
  EXPIRED,
  /**
   * The SES call's outcome is unknown (a crash or timeout between the call and its record): never
   * resent automatically.
   */
  IN_DOUBT
}
