package io.isolane.sending.service;

import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.unsubscribe.UnsubscribeToken;
import io.isolane.contracts.unsubscribe.UnsubscribeTokens;
import io.isolane.sending.config.UnsubscribeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

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
    this.tokens = UnsubscribeTokens.of(config.signingKeyId(), config.secrets());
    this.base = config.baseUrl().endsWith("/") ? config.baseUrl() : config.baseUrl() + "/";
  }

  /** The link for the message's (single) recipient. */
  String url(SendRequest r, Instant now) {
    String recipient = Suppressions.recipients(r).get(0);
    return base + tokens.sign(new UnsubscribeToken(r.tenantId(), recipient, r.messageId(), now));
  }
}
