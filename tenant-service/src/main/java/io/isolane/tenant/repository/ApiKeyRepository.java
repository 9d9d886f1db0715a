package io.isolane.tenant.repository;

import io.isolane.tenant.ApiKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** API keys; tenant-facing lookups are scoped to a tenant. */
@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, String> {

  /** The tenant's live keys (what tenant.state carries). */
  public Uni<List<ApiKey>> liveOfTenant(String tenantId) {
    return list("tenantId = ?1 and revokedAt is null", Sort.by("keyId"), tenantId);
  }

  public Uni<ApiKey> find(String tenantId, String keyId) {
    return find("tenantId = ?1 and keyId = ?2", tenantId, keyId).firstResult();
  }

  public Uni<List<ApiKey>> page(String tenantId, String after, int limit) {
    return (after == null
            ? find("tenantId", Sort.by("keyId"), tenantId)
            : find("tenantId = ?1 and keyId > ?2", Sort.by("keyId"), tenantId, after))
        .page(0, limit)
        .list();
  }

  /** Records a use, at most once a minute per key so that authentication stays a read. */
  public Uni<Integer> touch(String keyId, Instant now) {
    return update(
        "lastUsedAt = ?1 where keyId = ?2 and (lastUsedAt is null or lastUsedAt < ?3)",
        now,
        keyId,
        now.minusSeconds(60));
  }
}
