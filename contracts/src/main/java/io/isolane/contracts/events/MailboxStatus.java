package io.isolane.contracts.events;

/** Lifecycle of a sender identity (mailbox). */
public enum MailboxStatus {
  WARMING,
  ACTIVE,
  PAUSED
}
