package io.isolane.tenant.service;

import io.isolane.contracts.events.TenantStatus;
import io.isolane.tenant.SendingDomain;
import io.isolane.tenant.Tenant;
import io.isolane.tenant.client.SesCallException;
import io.isolane.tenant.client.SesIdentity;
import io.isolane.tenant.config.TenantServiceConfig;
import io.isolane.tenant.repository.ApiKeyRepository;
import io.isolane.tenant.repository.DomainRepository;
import io.isolane.tenant.repository.MailboxRepository;
import io.isolane.tenant.repository.TenantRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Writes what a reconciliation run achieved, in the caller's transaction. A run that started from
 * an older version leaves the tenant pending, so the newer desired state is reconciled next.
 */
@ApplicationScoped
public class ReconcileOutcomes {
  static final String RECONCILER = "reconciler";

  private final TenantRepository tenants;
  private final DomainRepository domains;
  private final MailboxRepository mailboxes;
  private final ApiKeyRepository keys;
  private final TenantStates states;
  private final TenantServiceConfig.Reconcile config;

  public ReconcileOutcomes(
      TenantRepository tenants,
      DomainRepository domains,
      MailboxRepository mailboxes,
      ApiKeyRepository keys,
      TenantStates states,
      TenantServiceConfig config) {
    this.tenants = tenants;
    this.domains = domains;
    this.mailboxes = mailboxes;
    this.keys = keys;
    this.states = states;
    this.config = config.reconcile();
  }

  Uni<Tenant> provisioned(TenantPlan plan, Provisioning.Result result, List<String> removed) {
    return tenants
        .findById(plan.tenantId())
        .call(
            () ->
                Multi.createFrom()
                    .iterable(removed)
                    .onItem()
                    .transformToUniAndConcatenate(domains::deleteById)
                    .collect()
                    .asList())
        .call(() -> recordIdentities(plan.tenantId(), result))
        .flatMap(
            t -> {
              t.sesAccountId = result.accountId() != null ? result.accountId() : t.sesAccountId;
              TenantStatus settled =
                  plan.suspended() ? TenantStatus.SUSPENDED : TenantStatus.ACTIVE;
              String reason = plan.suspended() ? "sending paused in SES" : "provisioned in SES";
              return settle(t, plan, settled, reason, !removed.isEmpty());
            });
  }

  Uni<Tenant> deleted(TenantPlan plan) {
    return tenants
        .findById(plan.tenantId())
        .call(t -> mailboxes.delete("tenantId", t.id))
        .call(t -> domains.delete("tenantId", t.id))
        .call(
            t ->
                keys.update(
                    "revokedAt = ?1 where tenantId = ?2 and revokedAt is null",
                    TenantStates.now(),
                    t.id))
        .flatMap(t -> settle(t, plan, TenantStatus.DELETED, "SES resources removed", true));
  }

  Uni<Tenant> failed(TenantPlan plan, SesCallException error) {
    return tenants
        .findById(plan.tenantId())
        .flatMap(
            t -> {
              t.reconcileAttempts++;
              if (error.retryable() && t.reconcileAttempts < config.maxAttempts()) {
                t.nextReconcileAt = Instant.now().plus(backoff(t.reconcileAttempts));
                return Uni.createFrom().item(t);
              }
              t.reconcilePending = false;
              t.nextReconcileAt = null;
              TenantService.setStatus(t, TenantStatus.FAILED, error.getMessage(), RECONCILER);
              return states.changed(t);
            });
  }

  private Uni<Tenant> settle(
      Tenant t, TenantPlan plan, TenantStatus status, String reason, boolean changed) {
    if (t.version != plan.version()) {
      t.nextReconcileAt = Instant.now(); // the desired state moved on: run again at once
      return changed ? states.changed(t) : Uni.createFrom().item(t);
    }
    t.reconcilePending = false;
    t.reconcileAttempts = 0;
    t.nextReconcileAt = null;
    boolean statusChanged = t.status != status;
    if (statusChanged) {
      TenantService.setStatus(t, status, reason, RECONCILER);
    }
    return statusChanged || changed ? states.changed(t) : Uni.createFrom().item(t);
  }

  private Uni<Void> recordIdentities(String tenantId, Provisioning.Result result) {
    return domains
        .ofTenant(tenantId)
        .invoke(
            owned -> {
              for (SendingDomain d : owned) {
                SesIdentity identity = result.identities().get(d.name);
                if (identity != null) {
                  d.dkimTokens = String.join(" ", identity.dkimTokens());
                  d.sesDkimStatus = identity.dkimStatus();
                }
              }
            })
        .replaceWithVoid();
  }

  private Duration backoff(int attempts) {
    long factor = 1L << Math.min(attempts - 1, 10);
    return config.backoff().multipliedBy(factor);
  }
}
