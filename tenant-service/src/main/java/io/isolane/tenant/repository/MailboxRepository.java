package io.isolane.tenant.repository;

import io.isolane.tenant.Mailbox;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Mailboxes; every lookup is scoped to a tenant. */
@ApplicationScoped
public class MailboxRepository implements PanacheRepositoryBase<Mailbox, String> {

  public Uni<List<Mailbox>> ofTenant(String tenantId) {
    return list("tenantId", Sort.by("address"), tenantId);
  }

  /** The tenant's mailbox with this address, or null (also when another tenant owns it). */
  public Uni<Mailbox> find(String tenantId, String address) {
    return find("tenantId = ?1 and address = ?2", tenantId, address).firstResult();
  }

  public Uni<List<Mailbox>> page(String tenantId, String after, int limit) {
    return (after == null
            ? find("tenantId", Sort.by("address"), tenantId)
            : find("tenantId = ?1 and address > ?2", Sort.by("address"), tenantId, after))
        .page(0, limit)
        .list();
  }

  public Uni<Long> countOnDomain(String tenantId, String domain) {
    return count("tenantId = ?1 and domain = ?2", tenantId, domain);
  }
}
