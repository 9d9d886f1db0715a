package io.isolane.feedback.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * One-click unsubscribe (RFC 8058): the secrets sending-service signs its links with. Required:
 * without them no link could be honoured.
 */
@ConfigMapping(prefix = "isolane.unsubscribe")
public interface UnsubscribeConfig {
  /** Id of the secret sending-service signs new links with (must be among the secrets). */
  @WithDefault("k1")
  String signingKeyId();

  /** Secrets as {@code id:base64,...}, shared with sending-service; keep retired ones. */
  String secrets();

  /** How long a link keeps working after its message was sent. */
  @WithDefault("365d")
  Duration maxAge();
}
