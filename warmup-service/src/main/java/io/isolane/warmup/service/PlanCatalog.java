package io.isolane.warmup.service;

import io.isolane.warmup.CustomPlan;
import io.isolane.warmup.Plan;
import io.isolane.warmup.Presets;
import io.isolane.warmup.repository.CustomPlanRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The plans a tenant can use: the presets and its own. */
@ApplicationScoped
public class PlanCatalog {
  private final CustomPlanRepository plans;
  private final Clock clock;

  public PlanCatalog(CustomPlanRepository plans, Clock clock) {
    this.plans = plans;
    this.clock = clock;
  }

  /** The plan with this name for the tenant: a preset, or one of its own. */
  @WithSession
  public Uni<Optional<Plan>> resolve(String tenantId, String name) {
    Optional<Plan> preset = Presets.named(name);
    if (preset.isPresent()) {
      return Uni.createFrom().item(preset);
    }
    return plans.named(tenantId, name).map(p -> Optional.ofNullable(p).map(CustomPlan::toPlan));
  }

  /** Presets first, then the tenant's own plans. */
  public Uni<List<Plan>> all(String tenantId) {
    return plans
        .allOf(tenantId)
        .map(
            own -> {
              List<Plan> all = new ArrayList<>(Presets.ALL);
              own.forEach(p -> all.add(p.toPlan()));
              return all;
            });
  }

  /** Stores a tenant's plan; false when the tenant already has one of that name. */
  public Uni<Boolean> create(String tenantId, Plan plan) {
    return plans
        .named(tenantId, plan.name())
        .chain(
            existing -> {
              if (existing != null) {
                return Uni.createFrom().item(false);
              }
              CustomPlan row = new CustomPlan();
              row.tenantId = tenantId;
              row.name = plan.name();
              row.kind = plan.kind();
              row.steps = CustomPlan.stepsOf(plan);
              row.createdAt = clock.instant();
              return plans.persist(row).replaceWith(true);
            });
  }
}
