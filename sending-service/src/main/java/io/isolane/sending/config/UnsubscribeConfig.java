package io.isolane.sending.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * One-click unsubscribe links in marketing mail (RFC 8058). Required: marketing mail is never sent
 * without a working link. feedback-service verifies the tokens with the same secrets.
 */
@ConfigMapping(prefix = "isolane.unsubscribe")
public interface UnsubscribeConfig {
  /** HTTPS base of the links; the signed token is appended after a '/'. */
  String baseUrl();

  /** Id of the secret new links are signed with. */
  @WithDefault("k1")
  String signingKeyId();

  /** Secrets as {@code id:base64,...} (32 bytes or more each); keep retired ones for old links. */
  String secrets();
}
