package io.isolane.feedback.repository;

import io.isolane.contracts.events.SuppressionReason;
import io.isolane.feedback.Suppression;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Suppressions by (tenant, address); every query is scoped to one tenant. */
@ApplicationScoped
public class SuppressionRepository implements PanacheRepositoryBase<Suppression, Suppression.Key> {

  /** One page of the tenant's list in address order, after {@code after}, optionally by reason. */
  public Uni<List<Suppression>> page(
      String tenantId, SuppressionReason reason, String after, int limit) {
    String query = "tenantId = :tenant and address > :after";
    Parameters params = Parameters.with("tenant", tenantId).and("after", after);
    if (reason != null) {
      query += " and reason = :reason";
      params = params.and("reason", reason);
    }
    return find(query, Sort.by("address"), params).range(0, limit - 1).list();
  }
}
