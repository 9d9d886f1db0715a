package io.isolane.tenant.repository;

import io.isolane.tenant.Tenant;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Tenants by id. */
@ApplicationScoped
public class TenantRepository implements PanacheRepositoryBase<Tenant, String> {

  /** One page of tenants ordered by id, starting after {@code afterId} (null: from the start). */
  public Uni<List<Tenant>> page(String afterId, int limit) {
    return (afterId == null
            ? find("status <> 'DELETED'", Sort.by("id"))
            : find("status <> 'DELETED' and id > ?1", Sort.by("id"), afterId))
        .page(0, limit)
        .list();
  }

  /**
   * Leases up to {@code limit} tenants due for reconciliation: their next attempt moves {@code
   * lease} ahead so that another instance skips them while this one works.
   */
  @SuppressWarnings("unchecked")
  public Uni<List<String>> leaseDue(Instant now, Duration lease, int limit) {
    return getSession()
        .flatMap(
            session ->
                session
                    .createNativeQuery(
                        "UPDATE tenant SET next_reconcile_at = :until WHERE id IN ("
                            + " SELECT id FROM tenant WHERE reconcile_pending"
                            + " AND (next_reconcile_at IS NULL OR next_reconcile_at <= :now)"
                            + " ORDER BY next_reconcile_at NULLS FIRST LIMIT :limit"
                            + " FOR UPDATE SKIP LOCKED) RETURNING id",
                        String.class)
                    .setParameter("until", now.plus(lease))
                    .setParameter("now", now)
                    .setParameter("limit", limit)
                    .getResultList());
  }
}
