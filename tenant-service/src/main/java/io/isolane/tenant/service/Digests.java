package io.isolane.tenant.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the one digest this service uses (API keys, admin tokens, names, fingerprints). */
public final class Digests {
  private Digests() {}

  public static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  public static String sha256Hex(String value) {
    return HexFormat.of().formatHex(sha256(value));
  }
}
