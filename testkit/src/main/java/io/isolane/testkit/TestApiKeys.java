package io.isolane.testkit;

import io.isolane.contracts.events.TenantState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** API keys as tenant-service issues them, and the digest it publishes on tenant.state. */
public final class TestApiKeys {
  private static final SecureRandom RANDOM = new SecureRandom();

  private TestApiKeys() {}

  /** A fresh key in tenant-service's format: isk_<20 hex key id>_<43 base64url characters>. */
  public static String newKey() {
    byte[] id = new byte[10];
    byte[] secret = new byte[32];
    RANDOM.nextBytes(id);
    RANDOM.nextBytes(secret);
    return "isk_"
        + HexFormat.of().formatHex(id)
        + "_"
        + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** The key's public id. */
  public static String keyId(String key) {
    return key.substring(4, 24);
  }

  /** What tenant.state carries for the key: its id, SHA-256 digest and scopes. */
  public static TenantState.ApiKeyDigest digest(String key, List<String> scopes) {
    try {
      byte[] sha =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return new TenantState.ApiKeyDigest(keyId(key), HexFormat.of().formatHex(sha), scopes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
