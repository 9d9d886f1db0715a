package io.isolane.tenant.repository;

import io.isolane.tenant.SendingDomain;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Sending domains; every lookup is scoped to a tenant. */
@ApplicationScoped
public class DomainRepository implements PanacheRepositoryBase<SendingDomain, String> {

  public Uni<List<SendingDomain>> ofTenant(String tenantId) {
    return list("tenantId", Sort.by("name"), tenantId);
  }

  /** The tenant's domain of this name, or null (also when another tenant owns it). */
  public Uni<SendingDomain> find(String tenantId, String name) {
    return find("tenantId = ?1 and name = ?2", tenantId, name).firstResult();
  }

  public Uni<List<SendingDomain>> page(String tenantId, String after, int limit) {
    return (after == null
            ? find("tenantId", Sort.by("name"), tenantId)
            : find("tenantId = ?1 and name > ?2", Sort.by("name"), tenantId, after))
        .page(0, limit)
        .list();
  }

  /** Domains whose last DNS verification is older than the given time (or never ran). */
  public Uni<List<SendingDomain>> dueForVerification(Instant before, int limit) {
    return find(
            "removalRequested = false and dkimTokens is not null"
                + " and (checkedAt is null or checkedAt < ?1)",
            Sort.by("checkedAt").and("name"),
            before)
        .page(0, limit)
        .list();
  }
}
