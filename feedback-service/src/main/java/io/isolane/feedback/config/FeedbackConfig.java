package io.isolane.feedback.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of feedback-service ({@code isolane.feedback.*}). */
@ConfigMapping(prefix = "isolane.feedback")
public interface FeedbackConfig {
  /** CloudEvents source of the events this service publishes. */
  @WithDefault("/isolane/feedback-service")
  String eventSource();

  /** Transient bounces in a row (no delivery between) after which an address is suppressed. */
  @WithDefault("3")
  int softBounceLimit();

  /** How long a soft-bounce suppression lasts. */
  @WithDefault("7d")
  java.time.Duration softBounceSuppression();

  /** How often this instance re-reads every tenant's API keys and domains. */
  @WithDefault("1s")
  java.time.Duration directoryRefresh();

  /** How long an SES message id stays attributable (classic notifications arrive within days). */
  @WithDefault("30d")
  java.time.Duration sentMessageRetention();
}
