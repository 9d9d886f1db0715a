package io.isolane.contracts.unsubscribe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies unsubscribe tokens. The format, version 1, is {@code
 * u1.<keyId>.<payload>.<signature>}, URL-safe without escaping:
 *
 * <ul>
 *   <li>{@code payload}: base64url (no padding) of the UTF-8 text {@code
 *       tenantId\nrecipient\nmessageId\nissuedAtEpochSeconds};
 *   <li>{@code signature}: base64url (no padding) of HMAC-SHA256 over {@code u1.<keyId>.<payload>}
 *       with the tenant's key;
 *   <li>the tenant's key is HMAC-SHA256({@code secret}, {@code "isolane-unsubscribe/" + tenantId}),
 *       so a token is only ever valid for the tenant inside it and one tenant's token cannot be
 *       turned into another's.
 * </ul>
 *
 * <p>{@code keyId} names the secret, so secrets can be rotated: verifiers keep old ones until the
 * links signed with them stop mattering.
 */
public final class UnsubscribeTokens {
  private static final String VERSION = "u1";
  private static final String HMAC = "HmacSHA256";
  private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

  private final String signingKeyId;
  private final Map<String, byte[]> secrets;

  /**
   * @param signingKeyId the id of the secret new tokens are signed with
   * @param secrets every secret that may verify a token, by id (at least 32 bytes each)
   */
  public UnsubscribeTokens(String signingKeyId, Map<String, byte[]> secrets) {
    if (!secrets.containsKey(signingKeyId)) {
      throw new IllegalArgumentException("no secret for signing key " + signingKeyId);
    }
    secrets.forEach(
        (id, secret) -> {
          if (id.isEmpty() || id.contains(".")) {
            throw new IllegalArgumentException("key id must be non-empty without '.': " + id);
          }
          if (secret.length < 32) {
            throw new IllegalArgumentException("secret " + id + " is shorter than 32 bytes");
          }
        });
    this.signingKeyId = signingKeyId;
    this.secrets = new LinkedHashMap<>(secrets);
  }

  /**
   * Tokens from configuration text: {@code secrets} is {@code id:base64,id:base64,...}.
   *
   * @throws IllegalArgumentException naming what is wrong with it
   */
  public static UnsubscribeTokens of(String signingKeyId, String secrets) {
    Map<String, byte[]> parsed = new LinkedHashMap<>();
    for (String entry : secrets.split(",")) {
      int colon = entry.indexOf(':');
      if (colon < 1) {
        throw new IllegalArgumentException(
            "unsubscribe secrets: expected id:base64, got an entry without an id");
      }
      try {
        parsed.put(
            entry.substring(0, colon).strip(),
            Base64.getDecoder().decode(entry.substring(colon + 1).strip()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unsubscribe secret " + entry.substring(0, colon).strip() + " is not base64");
      }
    }
    return new UnsubscribeTokens(signingKeyId, parsed);
  }

  /** The token text for a link. */
  public String sign(UnsubscribeToken token) {
    String text =
        String.join(
            "\n",
            token.tenantId(),
            token.recipient(),
            token.messageId(),
            Long.toString(token.issuedAt().getEpochSecond()));
    String signed =
        VERSION
            + "."
            + signingKeyId
            + "."
            + ENCODE.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    return signed + "." + ENCODE.encodeToString(mac(secrets.get(signingKeyId), token, signed));
  }

  /**
   * The token inside {@code text}, if we signed it for the tenant it names.
   *
   * @throws InvalidUnsubscribeTokenException with the reason otherwise
   */
  public UnsubscribeToken verify(String text) {
    String[] parts = text == null ? new String[0] : text.split("\\.", -1);
    if (parts.length != 4 || !VERSION.equals(parts[0])) {
      throw new InvalidUnsubscribeTokenException("not an unsubscribe token");
    }
    byte[] secret = secrets.get(parts[1]);
    if (secret == null) {
      throw new InvalidUnsubscribeTokenException("unknown signing key " + parts[1]);
    }
    UnsubscribeToken token = parse(parts[2]);
    byte[] expected = mac(secret, token, parts[0] + "." + parts[1] + "." + parts[2]);
    if (!MessageDigest.isEqual(expected, decode(parts[3]))) {
      throw new InvalidUnsubscribeTokenException("bad signature");
    }
    return token;
  }

  private static UnsubscribeToken parse(String payload) {
    String[] fields = new String(decode(payload), StandardCharsets.UTF_8).split("\n", -1);
    if (fields.length != 4 || fields[0].isEmpty() || fields[1].isEmpty() || fields[2].isEmpty()) {
      throw new InvalidUnsubscribeTokenException("malformed payload");
    }
    try {
      return new UnsubscribeToken(
          fields[0], fields[1], fields[2], Instant.ofEpochSecond(Long.parseLong(fields[3])));
    } catch (NumberFormatException e) {
      throw new InvalidUnsubscribeTokenException("malformed issue time");
    }
  }

  private static byte[] decode(String part) {
    try {
      return DECODE.decode(part);
    } catch (IllegalArgumentException e) {
      throw new InvalidUnsubscribeTokenException("not base64url");
    }
  }

  private static byte[] mac(byte[] secret, UnsubscribeToken token, String signed) {
    byte[] tenantKey =
        hmac(secret, ("isolane-unsubscribe/" + token.tenantId()).getBytes(StandardCharsets.UTF_8));
    return hmac(tenantKey, signed.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
