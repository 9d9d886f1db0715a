package io.isolane.sending.service;

import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.unsubscribe.UnsubscribeToken;
import io.isolane.contracts.unsubscribe.UnsubscribeTokens;
import io.isolane.sending.config.UnsubscribeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** One-click unsubscribe URLs carrying a signed, tenant-scoped token (format in contracts). */
@ApplicationScoped
public class UnsubscribeLinks {
  private final UnsubscribeTokens tokens;
  private final String base;

  public UnsubscribeLinks(UnsubscribeConfig config) {
    if (!config.baseUrl().startsWith("https://")) {
      throw new IllegalArgumentException(
          "isolane.unsubscribe.base-url must be https (RFC 8058): " + config.baseUrl());
    }
    this.tokens = new UnsubscribeTokens(config.signingKeyId(), secrets(config.secrets()));
    this.base = config.baseUrl().endsWith("/") ? config.baseUrl() : config.baseUrl() + "/";
  }

  /** The link for the message's (single) recipient. */
  String url(SendRequest r, Instant now) {
    String recipient = Suppressions.recipients(r).get(0);
    return base + tokens.sign(new UnsubscribeToken(r.tenantId(), recipient, r.messageId(), now));
  }

  private static Map<String, byte[]> secrets(String text) {
    Map<String, byte[]> secrets = new HashMap<>();
    for (String entry : text.split(",")) {
      int colon = entry.indexOf(':');
      if (colon < 1) {
        throw new IllegalArgumentException("isolane.unsubscribe.secrets: expected id:base64");
      }
      secrets.put(
          entry.substring(0, colon).strip(),
          Base64.getDecoder().decode(entry.substring(colon + 1).strip()));
    }
    return secrets;
  }
}
