package io.isolane.servicekit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the outbox relay ({@code isolane.outbox.*}). */
@ConfigMapping(prefix = "isolane.outbox")
public interface OutboxConfig {
  /** Most events published per relay run. */
  @WithDefault("200")
  int batchSize();

  /** How long after start-up the relay first runs. */
  @WithDefault("2s")
  Duration startDelay();

  /** How often the relay looks for unpublished events. */
  @WithDefault("1s")
  Duration pollInterval();
}
