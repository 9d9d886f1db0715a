package io.isolane.warmup.rest;

import io.isolane.warmup.KnownTenant;
import io.isolane.warmup.Plan;
import io.isolane.warmup.Presets;
import io.isolane.warmup.SenderKind;
import io.isolane.warmup.repository.TenantRepository;
import io.isolane.warmup.service.PlanCatalog;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/** The plans the caller's new mailboxes and domains are enrolled in. */
@Path("/v1/warmup/defaults")
@Produces(MediaType.APPLICATION_JSON)
public class DefaultsResource {
  private final TenantRepository tenants;
  private final PlanCatalog catalog;

  public DefaultsResource(TenantRepository tenants, PlanCatalog catalog) {
    this.tenants = tenants;
    this.catalog = catalog;
  }

  /**
   * The defaults for new senders.
   *
   * @param mailboxPlan plan of new mailboxes
   * @param domainPlan plan of new domains (dedicated tenants)
   */
  public record Defaults(String mailboxPlan, String domainPlan) {}

  @GET
  @WithSession
  public Uni<Defaults> get(@Context ContainerRequestContext request) {
    return tenants.findById(ApiCaller.of(request).tenantId()).map(DefaultsResource::of);
  }

  /** Sets either or both; each must be a plan of the right kind (422 otherwise). */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @WithTransaction
  public Uni<Defaults> set(Defaults input, @Context ContainerRequestContext request) {
    String tenantId = ApiCaller.of(request).tenantId();
    if (input == null || (input.mailboxPlan() == null && input.domainPlan() == null)) {
      Violations v = new Violations();
      v.invalid("$", "give mailboxPlan, domainPlan or both");
      v.throwIfAny();
    }
    return check(tenantId, "mailboxPlan", input.mailboxPlan(), SenderKind.MAILBOX)
        .chain(() -> check(tenantId, "domainPlan", input.domainPlan(), SenderKind.DOMAIN))
        .chain(() -> tenants.findById(tenantId))
        .map(
            t -> {
              if (input.mailboxPlan() != null) {
                t.mailboxPlan = input.mailboxPlan();
              }
              if (input.domainPlan() != null) {
                t.domainPlan = input.domainPlan();
              }
              return of(t);
            });
  }

  private Uni<Void> check(String tenantId, String field, String name, SenderKind kind) {
    if (name == null) {
      return Uni.createFrom().voidItem();
    }
    return catalog
        .resolve(tenantId, name)
        .invoke(
            (Optional<Plan> plan) -> {
              Violations v = new Violations();
              if (plan.isEmpty()) {
                v.unacceptable(field, "no preset or plan of yours has this name");
              } else if (plan.get().kind() != kind) {
                v.unacceptable(field, "is not a " + kind.name().toLowerCase() + " plan");
              }
              v.throwIfAny();
            })
        .replaceWithVoid();
  }

  private static Defaults of(KnownTenant t) {
    return new Defaults(
        t.mailboxPlan == null ? Presets.COLD_OUTREACH.name() : t.mailboxPlan,
        t.domainPlan == null ? Presets.BULK_DOMAIN.name() : t.domainPlan);
  }
}
