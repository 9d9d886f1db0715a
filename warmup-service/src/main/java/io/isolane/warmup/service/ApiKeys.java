package io.isolane.warmup.service;

import io.isolane.contracts.events.TenantStatus;
import io.isolane.warmup.repository.ApiKeyRepository;
import io.isolane.warmup.repository.TenantRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a presented API key against the SHA-256 digests tenant.state carries (stored in table
 * {@code api_key}, replaced with every newer state): one primary-key read per request.
 */
@ApplicationScoped
public class ApiKeys {
  // tenant-service's key format: isk_<20 hex key id>_<43 base64url characters of secret>
  private static final Pattern KEY = Pattern.compile("isk_([0-9a-f]{20})_[A-Za-z0-9_-]{43}");

  private final ApiKeyRepository keys;
  private final TenantRepository tenants;

  public ApiKeys(ApiKeyRepository keys, TenantRepository tenants) {
    this.keys = keys;
    this.tenants = tenants;
  }

  /** A live key: whose it is and what it may do. */
  public record Key(String keyId, String tenantId, Set<String> scopes) {}

  /** The live key presented, or empty when unknown, revoked, malformed or of a deleted tenant. */
  @WithSession
  public Uni<Optional<Key>> authenticate(String presented) {
    Matcher m = KEY.matcher(presented);
    if (!m.matches()) {
      return Uni.createFrom().item(Optional.empty());
    }
    return keys.findById(m.group(1))
        .chain(
            key -> {
              // constant-time comparison: timing tells nothing about the stored digest
              if (key == null
                  || !MessageDigest.isEqual(
                      HexFormat.of().parseHex(key.sha256), sha256(presented))) {
                return Uni.createFrom().item(Optional.<Key>empty());
              }
              return tenants
                  .findById(key.tenantId)
                  .map(
                      t ->
                          t == null || !takesRequests(t.status)
                              ? Optional.<Key>empty()
                              : Optional.of(
                                  new Key(key.keyId, key.tenantId, Set.of(key.scopes.split(",")))));
            });
  }

  private static boolean takesRequests(TenantStatus status) {
    return status != TenantStatus.DELETING
        && status != TenantStatus.DELETED
        && status != TenantStatus.FAILED;
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
