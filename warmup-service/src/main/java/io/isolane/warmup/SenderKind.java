package io.isolane.warmup;

/** What warms up: a mailbox (its caps go to mailbox.limits) or a sending domain. */
public enum SenderKind {
  MAILBOX,
  DOMAIN
}
