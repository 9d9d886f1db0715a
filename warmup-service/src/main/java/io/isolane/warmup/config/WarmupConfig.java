package io.isolane.warmup.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of warmup-service ({@code isolane.warmup.*}). */
@ConfigMapping(prefix = "isolane.warmup")
public interface WarmupConfig {
  /** CloudEvents source of the events this service publishes. */
  @WithDefault("/isolane/warmup-service")
  String eventSource();

  /** The built-in cold-outreach mailbox preset. */
  ColdOutreach coldOutreach();

  /** Cold-outreach preset: a new mailbox's first day. */
  interface ColdOutreach {
    /** Messages a new mailbox may send on its first day. */
    @WithDefault("20")
    int startCap();

    /** Minimum seconds between two sends of a warming mailbox. */
    @WithDefault("240")
    int minSpacingSeconds();

    /** Random extra spacing, up to this many seconds, so sends never look machine-timed. */
    @WithDefault("90")
    int jitterSeconds();
  }
}
