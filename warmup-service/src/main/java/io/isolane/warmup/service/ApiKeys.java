package io.isolane.warmup.service;

import static io.isolane.servicekit.auth.ApiKeys.keyIdOf;
import static io.isolane.servicekit.auth.ApiKeys.matches;

import io.isolane.contracts.events.TenantStatus;
import io.isolane.servicekit.auth.ApiKeys.ApiKey;
import io.isolane.warmup.repository.ApiKeyRepository;
import io.isolane.warmup.repository.TenantRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a presented API key against the SHA-256 digests tenant.state carries (stored in table
 * {@code api_key}, replaced with every newer state): one primary-key read per request. The key
 * format and the digest comparison are service-kit's.
 */
@ApplicationScoped
public class ApiKeys {
  private final ApiKeyRepository keys;
  private final TenantRepository tenants;

  public ApiKeys(ApiKeyRepository keys, TenantRepository tenants) {
    this.keys = keys;
    this.tenants = tenants;
  }

  /** The live key presented, or empty when unknown, revoked, malformed or of a deleted tenant. */
  @WithSession
  public Uni<Optional<ApiKey>> authenticate(String presented) {
    Optional<String> keyId = keyIdOf(presented);
    if (keyId.isEmpty()) {
      return Uni.createFrom().item(Optional.empty());
    }
    return keys.findById(keyId.get())
        .chain(
            key -> {
              if (key == null || !matches(presented, key.sha256)) {
                return Uni.createFrom().item(Optional.<ApiKey>empty());
              }
              return tenants
                  .findById(key.tenantId)
                  .map(
                      t ->
                          t == null || !takesRequests(t.status)
                              ? Optional.<ApiKey>empty()
                              : Optional.of(
                                  new ApiKey(
                                      key.keyId, key.tenantId, Set.of(key.scopes.split(",")))));
            });
  }

  private static boolean takesRequests(TenantStatus status) {
    return status != TenantStatus.DELETING
        && status != TenantStatus.DELETED
        && status != TenantStatus.FAILED;
  }
}
