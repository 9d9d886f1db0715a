package io.isolane.tenant.service;

import io.isolane.tenant.ApiKey;
import io.isolane.tenant.repository.ApiKeyRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tenant API keys: {@code isk_<keyId>_<secret>} with a 256-bit random secret, shown once. Only the
 * SHA-256 of the whole key is stored and published, which is safe for keys of that entropy and lets
 * sending-service check keys locally from tenant.state.
 */
@ApplicationScoped
public class ApiKeyService {
  /** Every scope a key can carry. */
  public static final Set<String> SCOPES = Set.of("send", "read", "admin");

  private final ApiKeyRepository keys;
  private final TenantAccess access;
  private final TenantStates states;

  public ApiKeyService(ApiKeyRepository keys, TenantAccess access, TenantStates states) {
    this.keys = keys;
    this.access = access;
    this.states = states;
  }

  /**
   * A key just created: the secret is in {@code key} and nowhere else.
   *
   * @param stored the stored key (digest only)
   * @param key the full key to hand to the client once
   */
  public record CreatedKey(ApiKey stored, String key) {}

  @WithTransaction
  public Uni<CreatedKey> create(String tenantId, String name, List<String> scopes, String by) {
    ApiKeySecret secret = ApiKeySecret.generate();
    ApiKey key = new ApiKey();
    key.keyId = secret.keyId();
    key.tenantId = tenantId;
    key.name = name;
    key.sha256 = secret.sha256();
    key.scopes = String.join(" ", scopes.stream().distinct().sorted().toList());
    key.createdBy = by;
    key.createdAt = TenantStates.now();
    return access
        .liveTenant(tenantId)
        .call(tenant -> keys.persist(key).call(() -> states.changed(tenant)))
        .replaceWith(new CreatedKey(key, secret.key()));
  }

  @WithSession
  public Uni<List<ApiKey>> page(String tenantId, String after, int limit) {
    return keys.page(tenantId, after, limit);
  }

  /** Revokes the key at once; tenant.state stops listing it. */
  @WithTransaction
  public Uni<ApiKey> revoke(String tenantId, String keyId) {
    return keys.find(tenantId, keyId)
        .onItem()
        .ifNull()
        .failWith(() -> new NotFound("api-key", keyId))
        .call(
            k -> {
              if (k.revokedAt != null) {
                return Uni.createFrom().voidItem();
              }
              k.revokedAt = TenantStates.now();
              return access.liveTenant(tenantId).flatMap(states::changed);
            });
  }

  /** The live key a client presented, recording its use; empty when unknown or revoked. */
  @WithTransaction
  public Uni<Optional<ApiKey>> authenticate(String presented) {
    Optional<String> keyId = ApiKeySecret.keyIdOf(presented);
    if (keyId.isEmpty()) {
      return Uni.createFrom().item(Optional.empty());
    }
    byte[] digest = HexFormat.of().parseHex(ApiKeySecret.sha256(presented));
    return keys.findById(keyId.get())
        .flatMap(
            k -> {
              if (k == null
                  || !k.live()
                  || !MessageDigest.isEqual(HexFormat.of().parseHex(k.sha256), digest)) {
                return Uni.createFrom().item(Optional.<ApiKey>empty());
              }
              return keys.touch(k.keyId, TenantStates.now()).replaceWith(Optional.of(k));
            });
  }
}
