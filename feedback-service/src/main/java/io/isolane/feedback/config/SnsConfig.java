package io.isolane.feedback.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The SNS endpoint SES feedback arrives on ({@code isolane.feedback.sns.*}). */
@ConfigMapping(prefix = "isolane.feedback.sns")
public interface SnsConfig {
  /**
   * Topic ARNs whose messages are trusted and whose subscriptions are confirmed; none by default.
   */
  Optional<List<String>> allowedTopicArns();

  /** Messages older than this (by their signed Timestamp) are refused as replays. */
  @WithDefault("1h")
  Duration maxAge();

  /**
   * URL prefixes trusted for signing certificates and confirmation besides {@code
   * https://sns.<region>.amazonaws.com/}: the SES simulator in dev and tests, never production.
   */
  Optional<List<String>> extraTrustedSources();
}
