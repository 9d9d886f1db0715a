package io.isolane.tenant.repository;

import io.isolane.tenant.ProvisioningStep;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Outcomes of reconciliation steps. */
@ApplicationScoped
public class ProvisioningStepRepository
    implements PanacheRepositoryBase<ProvisioningStep, ProvisioningStep.Key> {

  public Uni<List<ProvisioningStep>> ofTenant(String tenantId) {
    return list("tenantId", Sort.by("updatedAt").and("step"), tenantId);
  }

  /** Records the step's latest outcome, counting attempts. */
  public Uni<Void> record(String tenantId, String step, String outcome, String detail, Instant at) {
    return getSession()
        .flatMap(
            session ->
                session
                    .createNativeQuery(
                        "INSERT INTO provisioning_step"
                            + " (tenant_id, step, outcome, detail, attempts, updated_at)"
                            + " VALUES (:tenant, :step, :outcome, :detail, 1, :at)"
                            + " ON CONFLICT (tenant_id, step) DO UPDATE SET outcome = :outcome,"
                            + " detail = :detail, updated_at = :at,"
                            + " attempts = provisioning_step.attempts + 1")
                    .setParameter("tenant", tenantId)
                    .setParameter("step", step)
                    .setParameter("outcome", outcome)
                    .setParameter("detail", detail)
                    .setParameter("at", at)
                    .executeUpdate())
        .replaceWithVoid();
  }

  public Uni<Long> forget(String tenantId) {
    return delete("tenantId", tenantId);
  }
}
