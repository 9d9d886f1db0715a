package io.isolane.feedback.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How verified SNS notifications are committed ({@code isolane.feedback.intake.*}). */
@ConfigMapping(prefix = "isolane.feedback.intake")
public interface IntakeConfig {
  /** Most notifications committed together in one transaction (group commit). */
  @WithDefault("256")
  int maxBatch();

  /** Transactions in flight at once; the notifications waiting meanwhile form the next batch. */
  @WithDefault("2")
  int concurrentBatches();
}
