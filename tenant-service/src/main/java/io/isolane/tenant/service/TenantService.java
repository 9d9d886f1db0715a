package io.isolane.tenant.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.servicekit.outbox.Outbox;
import io.isolane.tenant.Tenant;
import io.isolane.tenant.config.TenantServiceConfig;
import io.isolane.tenant.repository.TenantRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Creates and reads tenants; every change commits together with its tenant.state event. */
@ApplicationScoped
public class TenantService {
  private final TenantRepository tenants;
  private final Outbox outbox;
  private final TenantServiceConfig config;

  public TenantService(TenantRepository tenants, Outbox outbox, TenantServiceConfig config) {
    this.tenants = tenants;
    this.outbox = outbox;
    this.config = config;
  }

  /** Stores a new, active tenant and queues its first tenant.state. */
  @WithTransaction
  public Uni<Tenant> create(NewTenant request) {
    return tenants
        .findById(request.id())
        .onItem()
        .ifNotNull()
        .failWith(() -> new TenantExistsException(request.id()))
        .replaceWith(() -> newTenant(request))
        .call(tenants::persist)
        .call(this::publishState);
  }

  /** The tenant with this id, or null. */
  @WithSession
  public Uni<Tenant> find(String id) {
    return tenants.findById(id);
  }

  private Uni<Void> publishState(Tenant tenant) {
    return outbox.add(
        ContractEvent.of(EventTypes.TENANT_STATE, config.eventSource(), TenantStates.of(tenant)));
  }

  private Tenant newTenant(NewTenant request) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Tenant tenant = new Tenant();
    tenant.id = request.id();
    tenant.name = request.name();
    tenant.tier = request.tier();
    // SES provisioning arrives with the tenant-service issue; until then a new tenant is active.
    tenant.status = TenantStatus.ACTIVE;
    tenant.statusReason = "created";
    tenant.statusSetBy = request.createdBy();
    tenant.maxPerSecond =
        request.maxPerSecond() == null ? config.defaultMaxPerSecond() : request.maxPerSecond();
    tenant.maxPerDay =
        request.maxPerDay() == null ? config.defaultMaxPerDay() : request.maxPerDay();
    tenant.version = 1;
    tenant.createdAt = now;
    tenant.updatedAt = now;
    return tenant;
  }
}
