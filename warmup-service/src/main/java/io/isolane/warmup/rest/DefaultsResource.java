package io.isolane.warmup.rest;

import io.isolane.contracts.events.IsolationTier;
import io.isolane.servicekit.rest.ApiCaller;
import io.isolane.servicekit.rest.Violations;
import io.isolane.warmup.IpWarmup;
import io.isolane.warmup.KnownTenant;
import io.isolane.warmup.Plan;
import io.isolane.warmup.Presets;
import io.isolane.warmup.SenderKind;
import io.isolane.warmup.repository.TenantRepository;
import io.isolane.warmup.service.IpDiscoveryRun;
import io.isolane.warmup.service.PlanCatalog;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Optional;

/** The plans the caller's new mailboxes and domains are enrolled in, and who warms its IPs. */
@Path("/v1/warmup/defaults")
@Produces(MediaType.APPLICATION_JSON)
public class DefaultsResource {
  private static final Map<String, IpWarmup> WARMUPS =
      Map.of("ses", IpWarmup.SES, "plan", IpWarmup.PLAN);

  private final TenantRepository tenants;
  private final PlanCatalog catalog;
  private final IpDiscoveryRun ipDiscovery;

  public DefaultsResource(
      TenantRepository tenants, PlanCatalog catalog, IpDiscoveryRun ipDiscovery) {
    this.tenants = tenants;
    this.catalog = catalog;
    this.ipDiscovery = ipDiscovery;
  }

  /**
   * The defaults for new senders, and who warms the dedicated IPs.
   *
   * @param mailboxPlan plan of new mailboxes
   * @param domainPlan plan of new domains and dedicated IPs (dedicated tenants)
   * @param dedicatedIpWarmup {@code ses}: SES's automatic warm-up (IPs enrolled here one by one);
   *     {@code plan}: this service discovers every IP of the tenant's pools and warms it by plan
   */
  public record Defaults(String mailboxPlan, String domainPlan, String dedicatedIpWarmup) {}

  @GET
  @WithSession
  public Uni<Defaults> get(@Context ContainerRequestContext request) {
    return tenants.findById(ApiCaller.of(request).tenantId()).map(DefaultsResource::of);
  }

  /** Sets any of them: plans of the right kind (422 otherwise), {@code ses} or {@code plan}. */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<Defaults> set(Defaults input, @Context ContainerRequestContext request) {
    String tenantId = ApiCaller.of(request).tenantId();
    validate(input);
    return Panache.withTransaction(
            () ->
                check(tenantId, "mailboxPlan", input.mailboxPlan(), SenderKind.MAILBOX)
                    .chain(
                        () -> check(tenantId, "domainPlan", input.domainPlan(), SenderKind.DOMAIN))
                    .chain(() -> tenants.findById(tenantId))
                    .map(t -> apply(t, input)))
        // committed: a tenant that just chose plan warm-up has its pools listed at once
        .invoke(ipDiscovery::runNow);
  }

  private static void validate(Defaults input) {
    Violations v = new Violations();
    if (input == null
        || (input.mailboxPlan() == null
            && input.domainPlan() == null
            && input.dedicatedIpWarmup() == null)) {
      v.invalid("$", "give mailboxPlan, domainPlan, dedicatedIpWarmup or any of them");
    } else if (input.dedicatedIpWarmup() != null && warmupOf(input.dedicatedIpWarmup()) == null) {
      v.invalid("dedicatedIpWarmup", "must be ses or plan");
    }
    v.throwIfAny();
  }

  private static Defaults apply(KnownTenant t, Defaults input) {
    if (input.mailboxPlan() != null) {
      t.mailboxPlan = input.mailboxPlan();
    }
    if (input.domainPlan() != null) {
      t.domainPlan = input.domainPlan();
    }
    IpWarmup warmup = warmupOf(input.dedicatedIpWarmup());
    if (warmup == IpWarmup.PLAN && t.tier != IsolationTier.DEDICATED) {
      Violations v = new Violations();
      v.unacceptable("dedicatedIpWarmup", "only dedicated tenants have dedicated IPs");
      v.throwIfAny();
    }
    if (warmup != null && warmup != t.ipWarmup) {
      t.ipWarmup = warmup;
      t.ipsDiscoveredAt = null; // due at once
    }
    return of(t);
  }

  private static IpWarmup warmupOf(String name) {
    return name == null ? null : WARMUPS.get(name);
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
        t.domainPlan == null ? Presets.BULK_DOMAIN.name() : t.domainPlan,
        t.ipWarmup.name().toLowerCase());
  }
}
