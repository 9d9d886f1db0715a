package io.isolane.tenant.service;

import io.isolane.tenant.DomainStatus;
import io.isolane.tenant.SendingDomain;
import io.isolane.tenant.repository.DomainRepository;
import io.isolane.tenant.repository.MailboxRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** A tenant's sending domains; SES identities follow through the reconciler. */
@ApplicationScoped
public class DomainService {
  private final DomainRepository domains;
  private final MailboxRepository mailboxes;
  private final TenantAccess access;
  private final TenantStates states;

  public DomainService(
      DomainRepository domains,
      MailboxRepository mailboxes,
      TenantAccess access,
      TenantStates states) {
    this.domains = domains;
    this.mailboxes = mailboxes;
    this.access = access;
    this.states = states;
  }

  /** Adds a domain as pending; the reconciler creates its SES identity with Easy DKIM. */
  @WithTransaction
  public Uni<SendingDomain> add(String tenantId, NewDomain request) {
    String name = Addresses.domain("name", request.name());
    String label = request.mailFromSubdomain() == null ? "bounce" : request.mailFromSubdomain();
    String mailFrom = Addresses.domain("mailFromSubdomain", label + "." + name);
    if (!mailFrom.equals(label + "." + name) || label.contains(".")) {
      throw new InvalidField("mailFromSubdomain", "must be a single DNS label such as bounce");
    }
    return access
        .liveTenant(tenantId)
        .flatMap(
            tenant ->
                domains
                    .findById(name)
                    .onItem()
                    .ifNotNull()
                    .failWith(
                        () ->
                            new Conflict(
                                "domain-taken", "domain " + name + " is already registered"))
                    .replaceWith(() -> newDomain(tenantId, name, request, mailFrom))
                    .call(domains::persist)
                    .call(() -> states.changed(TenantService.reconcileSoon(tenant))));
  }

  @WithSession
  public Uni<SendingDomain> get(String tenantId, String name) {
    return domains
        .find(tenantId, name.toLowerCase())
        .onItem()
        .ifNull()
        .failWith(() -> new NotFound("domain", name));
  }

  @WithSession
  public Uni<List<SendingDomain>> page(String tenantId, String after, int limit) {
    return domains.page(tenantId, after, limit);
  }

  /** Asks the reconciler to delete the domain's SES identity; refused while mailboxes use it. */
  @WithTransaction
  public Uni<SendingDomain> remove(String tenantId, String name) {
    return get(tenantId, name)
        .call(
            d ->
                mailboxes
                    .countOnDomain(tenantId, d.name)
                    .invoke(
                        n -> {
                          if (n > 0) {
                            throw new Conflict(
                                "domain-in-use",
                                "remove the " + n + " mailboxes of " + d.name + " first");
                          }
                        }))
        .call(
            d -> {
              if (d.removalRequested) {
                return Uni.createFrom().voidItem();
              }
              d.removalRequested = true;
              d.status = DomainStatus.REMOVING;
              d.updatedAt = TenantStates.now();
              return access
                  .liveTenant(tenantId)
                  .flatMap(t -> states.changed(TenantService.reconcileSoon(t)));
            });
  }

  private static SendingDomain newDomain(
      String tenantId, String name, NewDomain request, String mailFrom) {
    Instant now = TenantStates.now();
    SendingDomain d = new SendingDomain();
    d.name = name;
    d.tenantId = tenantId;
    d.stream = request.stream();
    d.mailFromDomain = mailFrom;
    d.status = DomainStatus.PENDING;
    d.createdAt = now;
    d.updatedAt = now;
    return d;
  }
}
