package io.isolane.feedback.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of feedback-service ({@code isolane.feedback.*}). */
@ConfigMapping(prefix = "isolane.feedback")
public interface FeedbackConfig {
  /** CloudEvents source of the events this service publishes. */
  @WithDefault("/isolane/feedback-service")
  String eventSource();
}
