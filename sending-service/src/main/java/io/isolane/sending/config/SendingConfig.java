package io.isolane.sending.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of sending-service ({@code isolane.sending.*}). */
@ConfigMapping(prefix = "isolane.sending")
public interface SendingConfig {
  /** CloudEvents source of the events this service publishes. */
  @WithDefault("/isolane/sending-service")
  String eventSource();

  /** How long a message may wait for its tenant's state before it fails as unknown tenant. */
  @WithDefault("10m")
  Duration unknownTenantTimeout();

  /** How often messages waiting for an unknown tenant are checked. */
  @WithDefault("30s")
  Duration sweepInterval();

  /** Most waiting messages failed per sweep. */
  @WithDefault("500")
  int sweepBatchSize();
}
