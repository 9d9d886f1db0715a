package io.isolane.servicekit.auth;

import io.isolane.contracts.events.TenantState;
import io.isolane.contracts.events.TenantStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live API keys of every tenant, as tenant.state carries them (SHA-256 digests only), so a
 * service authenticates a request in memory without calling tenant-service. Immutable: a service
 * builds a new index when it reads newer states.
 */
public final class ApiKeys {
  /** No tenant known yet: nothing authenticates. */
  public static final ApiKeys NONE = new ApiKeys(Map.of());

  // tenant-service's key format: isk_<20 hex key id>_<43 base64url characters of secret>
  private static final Pattern KEY = Pattern.compile("isk_([0-9a-f]{20})_[A-Za-z0-9_-]{43}");

  private final Map<String, Entry> byKeyId;

  private ApiKeys(Map<String, Entry> byKeyId) {
    this.byKeyId = byKeyId;
  }

  /**
   * A live key: whose it is and what it may do.
   *
   * @param keyId public id of the key
   * @param tenantId the tenant it belongs to
   * @param scopes granted scopes (send, read, admin)
   */
  public record ApiKey(String keyId, String tenantId, Set<String> scopes) {}

  private record Entry(ApiKey key, byte[] sha256) {}

  /** The keys of these tenants; a deleted, deleting or failed tenant's keys open nothing. */
  public static ApiKeys of(Collection<TenantState> states) {
    Map<String, Entry> keys = new HashMap<>();
    for (TenantState state : states) {
      if (state.apiKeys() == null || !takesRequests(state.status())) {
        continue;
      }
      for (TenantState.ApiKeyDigest k : state.apiKeys()) {
        ApiKey key = new ApiKey(k.keyId(), state.tenantId(), Set.copyOf(k.scopes()));
        keys.put(k.keyId(), new Entry(key, HexFormat.of().parseHex(k.sha256())));
      }
    }
    return new ApiKeys(Map.copyOf(keys));
  }

  /** The live key presented (a bearer token), or empty when unknown, revoked or malformed. */
  public Optional<ApiKey> authenticate(String presented) {
    return keyIdOf(presented)
        .map(byKeyId::get)
        .filter(entry -> MessageDigest.isEqual(entry.sha256(), sha256(presented)))
        .map(Entry::key);
  }

  /** The public id of a key in tenant-service's format, or empty when it is not one. */
  public static Optional<String> keyIdOf(String presented) {
    Matcher m = KEY.matcher(presented == null ? "" : presented);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * Whether the presented key hashes to this hex SHA-256 digest, compared in constant time: timing
   * tells nothing about the stored digest.
   */
  public static boolean matches(String presented, String sha256Hex) {
    return MessageDigest.isEqual(HexFormat.of().parseHex(sha256Hex), sha256(presented));
  }

  /** How many live keys are known. */
  public int size() {
    return byKeyId.size();
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
