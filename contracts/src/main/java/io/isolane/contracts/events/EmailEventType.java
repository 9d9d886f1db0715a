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
  UNSUBSCRIBED
}
