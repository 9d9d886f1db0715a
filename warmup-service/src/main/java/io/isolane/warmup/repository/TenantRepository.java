package io.isolane.warmup.repository;

import io.isolane.warmup.KnownTenant;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Tenants as tenant.state describes them, with the plans their new senders get. */
@ApplicationScoped
public class TenantRepository implements PanacheRepositoryBase<KnownTenant, String> {
  // a tenant another instance is discovering is skipped: each tenant's pools are listed once
  private static final String LOCK_DUE_DISCOVERY =
      "SELECT * FROM tenant WHERE ip_warmup = 'PLAN' AND tier = 'DEDICATED'"
          + " AND status NOT IN ('DELETING', 'DELETED') AND ip_pools <> ''"
          + " AND (ips_discovered_at IS NULL OR ips_discovered_at < :before)"
          + " ORDER BY ips_discovered_at NULLS FIRST, tenant_id LIMIT 1 FOR UPDATE SKIP LOCKED";

  /**
   * One tenant that warms its IPs by plan and whose pools were last listed before {@code before}
   * (or never), locked; null when none is due.
   */
  public Uni<KnownTenant> lockDueForDiscovery(Instant before) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(LOCK_DUE_DISCOVERY, KnownTenant.class)
                    .setParameter("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
                    .getResultList())
        .map(found -> found.isEmpty() ? null : found.get(0));
  }
}
