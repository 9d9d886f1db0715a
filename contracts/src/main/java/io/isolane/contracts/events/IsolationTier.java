package io.isolane.contracts.events;

/** How far a tenant's sending is separated from other tenants'. */
public enum IsolationTier {
  /** Shared SES configuration and IP pool. */
  SHARED,
  /** Own SES tenant, configuration sets and reputation. */
  ISOLATED,
  /** Isolated plus its own dedicated IP pool. */
  DEDICATED
}
