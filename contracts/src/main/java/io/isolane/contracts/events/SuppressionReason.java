package io.isolane.contracts.events;

/** Why an address must not receive a tenant's mail. */
public enum SuppressionReason {
  HARD_BOUNCE,
  SOFT_BOUNCE,
  COMPLAINT,
  UNSUBSCRIBE,
  MANUAL,
  SPAM_TRAP
}
