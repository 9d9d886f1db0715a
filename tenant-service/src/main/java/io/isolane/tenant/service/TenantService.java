package io.isolane.tenant.service;

import io.isolane.contracts.events.TenantStatus;
import io.isolane.tenant.Tenant;
import io.isolane.tenant.config.TenantServiceConfig;
import io.isolane.tenant.repository.TenantRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * The desired state of tenants. Every change commits with its tenant.state event and, where SES
 * must follow, marks the tenant for the reconciler; the caller never waits for SES.
 */
@ApplicationScoped
public class TenantService {
  private final TenantRepository tenants;
  private final TenantAccess access;
  private final TenantStates states;
  private final TenantServiceConfig config;

  public TenantService(
      TenantRepository tenants,
      TenantAccess access,
      TenantStates states,
      TenantServiceConfig config) {
    this.tenants = tenants;
    this.access = access;
    this.states = states;
    this.config = config;
  }

  /** Records a new tenant as provisioning; the reconciler creates its SES resources. */
  @WithTransaction
  public Uni<Tenant> create(NewTenant request) {
    return tenants
        .findById(request.id())
        .onItem()
        .ifNotNull()
        .failWith(() -> new Conflict("tenant-exists", "tenant " + request.id() + " already exists"))
        .replaceWith(() -> newTenant(request))
        .call(tenants::persist)
        .flatMap(states::changed);
  }

  /** The tenant, failing with {@link NotFound} when unknown or deleted. */
  @WithSession
  public Uni<Tenant> get(String id) {
    return tenants.findById(id).onItem().ifNull().failWith(() -> new NotFound("tenant", id));
  }

  @WithSession
  public Uni<List<Tenant>> page(String after, int limit) {
    return tenants.page(after, limit);
  }

  /** Changes name, limits or tier (upgrades only: shared, isolated, dedicated). */
  @WithTransaction
  public Uni<Tenant> update(String id, TenantChange change) {
    return live(id).invoke(t -> apply(t, change)).flatMap(states::changed);
  }

  /** Pauses the tenant's sending at once; the reconciler pauses its configuration sets in SES. */
  @WithTransaction
  public Uni<Tenant> suspend(String id, String reason, String by) {
    return live(id)
        .flatMap(
            t -> {
              if (t.suspended && t.status == TenantStatus.SUSPENDED) {
                return Uni.createFrom().item(t);
              }
              t.suspended = true;
              setStatus(t, TenantStatus.SUSPENDED, reason, by);
              return states.changed(reconcileSoon(t));
            });
  }

  /** Asks for sending to resume; the tenant turns active once SES sends again. */
  @WithTransaction
  public Uni<Tenant> resume(String id, String reason, String by) {
    return live(id)
        .flatMap(
            t -> {
              if (!t.suspended) {
                return Uni.createFrom().item(t);
              }
              t.suspended = false;
              t.statusReason = reason;
              t.statusSetBy = by;
              return states.changed(reconcileSoon(t));
            });
  }

  /** Marks the tenant for deletion; the reconciler removes its SES resources. */
  @WithTransaction
  public Uni<Tenant> delete(String id, String by) {
    return live(id)
        .flatMap(
            t -> {
              if (t.deletionRequested) {
                return Uni.createFrom().item(t);
              }
              t.deletionRequested = true;
              setStatus(t, TenantStatus.DELETING, "deletion requested", by);
              return states.changed(reconcileSoon(t));
            });
  }

  /** Runs reconciliation again now, e.g. for a failed tenant once the cause is fixed. */
  @WithTransaction
  public Uni<Tenant> reconcile(String id, String by) {
    return get(id)
        .flatMap(
            t -> {
              t.reconcileAttempts = 0;
              if (t.status != TenantStatus.FAILED) {
                return Uni.createFrom().item(reconcileSoon(t));
              }
              setStatus(t, TenantStatus.PROVISIONING, "reconciliation requested", by);
              return states.changed(reconcileSoon(t));
            });
  }

  private Uni<Tenant> live(String id) {
    return access.liveTenant(id);
  }

  private void apply(Tenant t, TenantChange change) {
    if (change.name() != null) {
      t.name = change.name();
    }
    if (change.maxPerSecond() != null) {
      t.maxPerSecond = change.maxPerSecond();
    }
    if (change.maxPerDay() != null) {
      t.maxPerDay = change.maxPerDay();
    }
    if (change.tier() != null && change.tier() != t.tier) {
      if (change.tier().ordinal() < t.tier.ordinal()) {
        throw new Conflict(
            "tier-downgrade",
            "tier " + t.tier.name().toLowerCase() + " cannot be downgraded; create a new tenant");
      }
      t.tier = change.tier();
      reconcileSoon(t);
    }
  }

  /**
   * Marks the tenant for the reconciler. A failed tenant waits for an explicit {@link #reconcile}
   * so that its failure stays visible until someone acts on it.
   */
  static Tenant reconcileSoon(Tenant t) {
    if (t.status == TenantStatus.FAILED) {
      return t;
    }
    t.reconcilePending = true;
    t.nextReconcileAt = Instant.now();
    return t;
  }

  static void setStatus(Tenant t, TenantStatus status, String reason, String by) {
    t.status = status;
    t.statusReason = reason;
    t.statusSetBy = by;
  }

  private Tenant newTenant(NewTenant request) {
    Instant now = TenantStates.now();
    Tenant tenant = new Tenant();
    tenant.id = request.id();
    tenant.name = request.name();
    tenant.tier = request.tier();
    setStatus(tenant, TenantStatus.PROVISIONING, "created", request.createdBy());
    tenant.maxPerSecond =
        request.maxPerSecond() == null ? config.defaultMaxPerSecond() : request.maxPerSecond();
    tenant.maxPerDay =
        request.maxPerDay() == null ? config.defaultMaxPerDay() : request.maxPerDay();
    tenant.version = 0;
    tenant.createdAt = now;
    tenant.updatedAt = now;
    return reconcileSoon(tenant);
  }
}
