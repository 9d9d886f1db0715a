package io.isolane.tenant.rest;

import io.isolane.contracts.events.IsolationTier;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.tenant.Tenant;
import java.time.Instant;

/**
 * A tenant as the platform API shows it.
 *
 * @param reconciling SES does not match the desired state yet
 * @param suspended sending is (to be) paused
 */
public record TenantResponse(
    String id,
    String name,
    IsolationTier tier,
    TenantStatus status,
    String statusReason,
    String statusSetBy,
    Limits limits,
    boolean suspended,
    boolean reconciling,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  /** Sending limits. */
  public record Limits(int maxPerSecond, int maxPerDay) {}

  static TenantResponse of(Tenant t) {
    return new TenantResponse(
        t.id,
        t.name,
        t.tier,
        t.status,
        t.statusReason,
        t.statusSetBy,
        new Limits(t.maxPerSecond, t.maxPerDay),
        t.suspended,
        t.reconcilePending,
        t.version,
        t.createdAt,
        t.updatedAt);
  }
}
