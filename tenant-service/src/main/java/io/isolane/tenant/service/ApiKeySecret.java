package io.isolane.tenant.service;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The format of API keys: {@code isk_<20 hex keyId>_<43 base64url chars of 256-bit secret>}. */
record ApiKeySecret(String keyId, String key) {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern FORMAT = Pattern.compile("isk_([0-9a-f]{20})_[A-Za-z0-9_-]{43}");

  static ApiKeySecret generate() {
    byte[] id = new byte[10];
    byte[] secret = new byte[32];
    RANDOM.nextBytes(id);
    RANDOM.nextBytes(secret);
    String keyId = HexFormat.of().formatHex(id);
    return new ApiKeySecret(
        keyId,
        "isk_" + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
  }

  String sha256() {
    return sha256(key);
  }

  /** The key id of a well-formed key. */
  static Optional<String> keyIdOf(String presented) {
    Matcher m = FORMAT.matcher(presented);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  static String sha256(String value) {
    return Digests.sha256Hex(value);
  }
}
