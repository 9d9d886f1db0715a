package io.isolane.contracts.events;

/** What an inbound reply means for the sender. */
public enum ReplyCategory {
  INTERESTED,
  NOT_INTERESTED,
  OUT_OF_OFFICE,
  AUTO_REPLY,
  UNSUBSCRIBE,
  BOUNCE,
  REFERRAL,
  OTHER
}
