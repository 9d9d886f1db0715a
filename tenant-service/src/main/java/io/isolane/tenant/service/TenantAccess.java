package io.isolane.tenant.service;

import io.isolane.contracts.events.TenantStatus;
import io.isolane.tenant.Tenant;
import io.isolane.tenant.repository.TenantRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Loads the tenant a tenant-scoped change applies to, in the caller's session. */
@ApplicationScoped
public class TenantAccess {
  private final TenantRepository tenants;

  public TenantAccess(TenantRepository tenants) {
    this.tenants = tenants;
  }

  /** The tenant if it exists and is not being deleted. */
  public Uni<Tenant> liveTenant(String tenantId) {
    return tenants
        .findById(tenantId)
        .onItem()
        .ifNull()
        .failWith(() -> new NotFound("tenant", tenantId))
        .invoke(
            t -> {
              if (t.deletionRequested || t.status == TenantStatus.DELETED) {
                throw new Conflict("tenant-deleted", "tenant " + tenantId + " is being deleted");
              }
            });
  }
}
