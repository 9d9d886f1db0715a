package io.isolane.warmup.repository;

import io.isolane.warmup.ApiKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Live API keys (digests only). */
@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, String> {

  /** Replaces the tenant's keys with these. */
  public Uni<Void> replace(String tenantId, List<ApiKey> keys) {
    Uni<Long> deleted = delete("tenantId = ?1", tenantId);
    return keys.isEmpty()
        ? deleted.replaceWithVoid()
        : deleted.chain(() -> persist(keys)).replaceWithVoid();
  }
}
