package io.isolane.tenant.service;

import io.isolane.contracts.events.Stream;
import io.isolane.tenant.SendingDomain;
import io.isolane.tenant.Tenant;
import io.isolane.tenant.client.SesCallException;
import io.isolane.tenant.config.TenantServiceConfig;
import io.isolane.tenant.repository.DomainRepository;
import io.isolane.tenant.repository.ProvisioningStepRepository;
import io.isolane.tenant.repository.TenantRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Makes SES match each tenant's desired state. Runs on a worker thread: SES calls happen outside
 * any transaction, and each outcome is written in its own transaction afterwards. Tenants are
 * leased, so several instances never reconcile the same tenant at once.
 */
@ApplicationScoped
public class Reconciler {
  private static final Logger LOG = Logger.getLogger(Reconciler.class);

  private final TenantRepository tenants;
  private final DomainRepository domains;
  private final ProvisioningStepRepository steps;
  private final Provisioning provisioning;
  private final Teardown teardown;
  private final ReconcileOutcomes outcomes;
  private final SesNames names;
  private final TenantServiceConfig.Reconcile config;

  public Reconciler(
      TenantRepository tenants,
      DomainRepository domains,
      ProvisioningStepRepository steps,
      Provisioning provisioning,
      Teardown teardown,
      ReconcileOutcomes outcomes,
      SesNames names,
      TenantServiceConfig config) {
    this.tenants = tenants;
    this.domains = domains;
    this.steps = steps;
    this.provisioning = provisioning;
    this.teardown = teardown;
    this.outcomes = outcomes;
    this.names = names;
    this.config = config.reconcile();
  }

  /** Reconciles every tenant that is due; returns how many. */
  public int round() {
    List<String> due =
        await(
            () ->
                Panache.withTransaction(
                    () -> tenants.leaseDue(Instant.now(), config.lease(), config.batchSize())));
    due.forEach(this::reconcile);
    return due.size();
  }

  void reconcile(String tenantId) {
    Snapshot snapshot = await(() -> Panache.withSession(() -> snapshot(tenantId)));
    TenantPlan plan = snapshot.plan();
    StepRecorder recorder = new StepRecorder(steps, tenantId);
    try {
      if (plan.deletionRequested()) {
        teardown.removeTenant(plan, snapshot.account(), recorder);
        await(() -> Panache.withTransaction(() -> outcomes.deleted(plan)));
        return;
      }
      Provisioning.Result result = provisioning.provision(plan, recorder);
      List<String> removed = new ArrayList<>();
      for (TenantPlan.DomainPlan domain : plan.domains()) {
        if (domain.removalRequested()) {
          teardown.removeDomain(plan, result.accountId(), domain.name(), recorder);
          removed.add(domain.name());
        }
      }
      await(() -> Panache.withTransaction(() -> outcomes.provisioned(plan, result, removed)));
    } catch (SesCallException e) {
      LOG.warnf("reconciling tenant %s failed: %s", tenantId, e.getMessage());
      await(() -> Panache.withTransaction(() -> outcomes.failed(plan, e)));
    }
  }

  private record Snapshot(TenantPlan plan, String account) {}

  private Uni<Snapshot> snapshot(String tenantId) {
    return tenants
        .findById(tenantId)
        .flatMap(
            t -> domains.ofTenant(tenantId).map(d -> new Snapshot(plan(t, d), t.sesAccountId)));
  }

  private TenantPlan plan(Tenant t, List<SendingDomain> owned) {
    Map<Stream, String> sets = new EnumMap<>(Stream.class);
    Map<Stream, String> pools = new EnumMap<>(Stream.class);
    for (Stream stream : Stream.values()) {
      sets.put(stream, names.configurationSet(t, stream));
      String pool = names.dedicatedIpPool(t, stream);
      if (pool != null) {
        pools.put(stream, pool);
      }
    }
    return new TenantPlan(
        t.id,
        t.version,
        t.tier,
        t.suspended,
        t.deletionRequested,
        names.sesTenant(t),
        sets,
        pools,
        owned.stream()
            .map(
                d ->
                    new TenantPlan.DomainPlan(
                        d.name, d.stream, d.mailFromDomain, d.removalRequested))
            .toList());
  }

  /** Runs a reactive database pipeline from this worker thread and waits for it. */
  static <T> T await(Supplier<Uni<T>> pipeline) {
    try {
      return VertxContextSupport.subscribeAndAwait(pipeline);
    } catch (RuntimeException e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
