package io.isolane.replies.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of reply-classifier ({@code isolane.replies.*}). */
@ConfigMapping(prefix = "isolane.replies")
public interface ReplyConfig {
  /** CloudEvents source of the events this service publishes. */
  @WithDefault("/isolane/reply-classifier")
  String eventSource();

  /** Largest raw message, in bytes, the classifier reads; larger ones are dead-lettered. */
  @WithDefault("10485760")
  int maxMessageBytes();

  /** How long a sent message stays matchable by replies (most replies come within days). */
  @WithDefault("90d")
  java.time.Duration sentMessageRetention();
}
