package io.isolane.tenant.service;

import io.isolane.contracts.events.MailboxStatus;
import io.isolane.tenant.DomainStatus;
import io.isolane.tenant.Mailbox;
import io.isolane.tenant.repository.DomainRepository;
import io.isolane.tenant.repository.MailboxRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** A tenant's sender identities. New mailboxes start warming; warmup-service sets their caps. */
@ApplicationScoped
public class MailboxService {
  private final MailboxRepository mailboxes;
  private final DomainRepository domains;
  private final TenantAccess access;
  private final TenantStates states;

  public MailboxService(
      MailboxRepository mailboxes,
      DomainRepository domains,
      TenantAccess access,
      TenantStates states) {
    this.mailboxes = mailboxes;
    this.domains = domains;
    this.access = access;
    this.states = states;
  }

  /** Adds a warming mailbox on one of the tenant's ready domains. */
  @WithTransaction
  public Uni<Mailbox> add(String tenantId, NewMailbox request) {
    String address = Addresses.mailbox("address", request.address());
    String replyTo =
        request.replyTo() == null ? null : Addresses.mailbox("replyTo", request.replyTo());
    String domain = Addresses.domainOf(address);
    return access
        .liveTenant(tenantId)
        .call(
            () ->
                domains
                    .find(tenantId, domain)
                    .invoke(
                        d -> {
                          if (d == null) {
                            throw new InvalidField(
                                "address",
                                "domain " + domain + " is not one of this tenant's domains");
                          }
                          if (d.status != DomainStatus.READY) {
                            throw new Conflict(
                                "domain-not-ready",
                                "domain " + domain + " is not ready (DKIM and DMARC must pass)");
                          }
                        }))
        .call(
            () ->
                mailboxes
                    .findById(address)
                    .onItem()
                    .ifNotNull()
                    .failWith(
                        () -> new Conflict("mailbox-exists", "mailbox " + address + " exists")))
        .flatMap(
            tenant -> {
              Mailbox m = newMailbox(tenantId, address, domain, request, replyTo);
              return mailboxes.persist(m).call(() -> states.changed(tenant));
            });
  }

  @WithSession
  public Uni<List<Mailbox>> page(String tenantId, String after, int limit) {
    return mailboxes.page(tenantId, after, limit);
  }

  @WithSession
  public Uni<Mailbox> get(String tenantId, String address) {
    return find(tenantId, address);
  }

  /** Pauses the mailbox (an operator, or feedback-service through tenant.commands). */
  @WithTransaction
  public Uni<Mailbox> pause(String tenantId, String address, String reason) {
    return setStatus(tenantId, address, MailboxStatus.PAUSED, reason);
  }

  /** Resumes a paused mailbox; it goes back to warming, and warmup-service decides its cap. */
  @WithTransaction
  public Uni<Mailbox> resume(String tenantId, String address, String reason) {
    return setStatus(tenantId, address, MailboxStatus.WARMING, reason);
  }

  @WithTransaction
  public Uni<Void> remove(String tenantId, String address) {
    return find(tenantId, address)
        .call(mailboxes::delete)
        .flatMap(m -> access.liveTenant(tenantId))
        .flatMap(states::changed)
        .replaceWithVoid();
  }

  private Uni<Mailbox> setStatus(
      String tenantId, String address, MailboxStatus status, String reason) {
    return find(tenantId, address)
        .call(
            m -> {
              if (m.status == status
                  || (status == MailboxStatus.WARMING && m.status != MailboxStatus.PAUSED)) {
                return Uni.createFrom().voidItem();
              }
              m.status = status;
              m.statusReason = reason;
              m.updatedAt = TenantStates.now();
              return access.liveTenant(tenantId).flatMap(states::changed);
            });
  }

  private Uni<Mailbox> find(String tenantId, String address) {
    return mailboxes
        .find(tenantId, address)
        .onItem()
        .ifNull()
        .failWith(() -> new NotFound("mailbox", address));
  }

  private static Mailbox newMailbox(
      String tenantId, String address, String domain, NewMailbox request, String replyTo) {
    Instant now = TenantStates.now();
    Mailbox m = new Mailbox();
    m.address = address;
    m.tenantId = tenantId;
    m.domain = domain;
    m.displayName = request.displayName();
    m.replyTo = replyTo;
    m.status = MailboxStatus.WARMING;
    m.statusReason = "new mailbox";
    m.createdAt = now;
    m.updatedAt = now;
    return m;
  }
}
