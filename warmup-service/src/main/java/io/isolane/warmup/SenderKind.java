package io.isolane.warmup;

/**
 * What warms up: a mailbox (its caps go to mailbox.limits), a sending domain, or a dedicated IP
 * (its warm-up percentage goes to SES).
 */
public enum SenderKind {
  MAILBOX,
  DOMAIN,
  IP;

  /** The kind of plan it follows: domains and dedicated IPs share the bulk plans. */
  public SenderKind planKind() {
    return this == MAILBOX ? MAILBOX : DOMAIN;
  }
}
