package io.isolane.tenant.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.Stream;
import io.isolane.contracts.events.TenantState;
import io.isolane.servicekit.outbox.Outbox;
import io.isolane.tenant.ApiKey;
import io.isolane.tenant.DomainStatus;
import io.isolane.tenant.Mailbox;
import io.isolane.tenant.SendingDomain;
import io.isolane.tenant.Tenant;
import io.isolane.tenant.config.TenantServiceConfig;
import io.isolane.tenant.repository.ApiKeyRepository;
import io.isolane.tenant.repository.DomainRepository;
import io.isolane.tenant.repository.MailboxRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * Publishes a tenant's full state to {@code tenant.state} through the outbox, inside the caller's
 * transaction, after every change.
 */
@ApplicationScoped
public class TenantStates {
  private final DomainRepository domains;
  private final MailboxRepository mailboxes;
  private final ApiKeyRepository keys;
  private final Outbox outbox;
  private final SesNames names;
  private final TenantServiceConfig config;

  public TenantStates(
      DomainRepository domains,
      MailboxRepository mailboxes,
      ApiKeyRepository keys,
      Outbox outbox,
      SesNames names,
      TenantServiceConfig config) {
    this.domains = domains;
    this.mailboxes = mailboxes;
    this.keys = keys;
    this.outbox = outbox;
    this.names = names;
    this.config = config;
  }

  /** Bumps the tenant's version and publishes its new state. */
  public Uni<Tenant> changed(Tenant tenant) {
    tenant.version++;
    tenant.updatedAt = now();
    return publish(tenant).replaceWith(tenant);
  }

  private Uni<Void> publish(Tenant tenant) {
    return domains
        .ofTenant(tenant.id)
        .flatMap(
            d ->
                mailboxes
                    .ofTenant(tenant.id)
                    .flatMap(m -> keys.liveOfTenant(tenant.id).map(k -> snapshot(tenant, d, m, k))))
        .flatMap(
            state ->
                outbox.add(ContractEvent.of(EventTypes.TENANT_STATE, config.eventSource(), state)));
  }

  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  private TenantState snapshot(
      Tenant tenant, List<SendingDomain> domains, List<Mailbox> boxes, List<ApiKey> keys) {
    return new TenantState(
        tenant.id,
        tenant.name,
        tenant.tier,
        tenant.status,
        tenant.statusReason,
        tenant.statusSetBy,
        new TenantState.SendingLimits(tenant.maxPerSecond, tenant.maxPerDay),
        names.sesTenant(tenant),
        Arrays.stream(Stream.values())
            .map(
                s ->
                    new TenantState.SendingStream(
                        s, names.configurationSet(tenant, s), names.dedicatedIpPool(tenant, s)))
            .toList(),
        domains.stream()
            .filter(d -> d.status != DomainStatus.REMOVING)
            .map(
                d ->
                    new TenantState.Domain(
                        d.name, d.stream, d.status == DomainStatus.READY, d.mailFromDomain))
            .toList(),
        boxes.stream()
            .map(
                m ->
                    new TenantState.Mailbox(
                        m.address, m.displayName, m.status, m.statusReason, m.replyTo))
            .toList(),
        keys.stream()
            .map(k -> new TenantState.ApiKeyDigest(k.keyId, k.sha256, k.scopeList()))
            .toList(),
        tenant.version,
        tenant.updatedAt);
  }
}
