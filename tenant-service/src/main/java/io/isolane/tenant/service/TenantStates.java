package io.isolane.tenant.service;

import io.isolane.contracts.events.TenantState;
import io.isolane.tenant.Tenant;
import java.util.List;

/** Maps a tenant to its {@code tenant.state} snapshot. */
final class TenantStates {
  private TenantStates() {}

  static TenantState of(Tenant tenant) {
    return new TenantState(
        tenant.id,
        tenant.name,
        tenant.tier,
        tenant.status,
        tenant.statusReason,
        tenant.statusSetBy,
        new TenantState.SendingLimits(tenant.maxPerSecond, tenant.maxPerDay),
        List.of(),
        List.of(),
        List.of(),
        tenant.version,
        tenant.updatedAt);
  }
}
