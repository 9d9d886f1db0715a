package io.isolane.tenant;

/** Where a sending domain stands. */
public enum DomainStatus {
  /** Added; waiting for its SES identity, DKIM verification or DMARC alignment. */
  PENDING,
  /** DKIM verified in SES and DMARC aligned: mailboxes may send from it. */
  READY,
  /** Removal requested; the reconciler deletes its SES identity. */
  REMOVING
}
