package io.isolane.warmup.repository;

import io.isolane.warmup.CustomPlan;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Tenants' own plans. */
@ApplicationScoped
public class CustomPlanRepository implements PanacheRepository<CustomPlan> {

  /** The tenant's plan with this name, or null. */
  public Uni<CustomPlan> named(String tenantId, String name) {
    return find("tenantId = ?1 and name = ?2", tenantId, name).firstResult();
  }

  /** Every plan of the tenant. */
  public Uni<List<CustomPlan>> allOf(String tenantId) {
    return list("tenantId = ?1 order by name", tenantId);
  }
}
