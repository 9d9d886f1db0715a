package io.isolane.sending.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the HTTP intake API ({@code isolane.api.*}). */
@ConfigMapping(prefix = "isolane.api")
public interface ApiConfig {
  /** How often API keys and tenant states are re-read: a revoked key stops working within it. */
  @WithDefault("500ms")
  Duration keyRefresh();

  /** Most messages in one batch request. */
  @WithDefault("500")
  int maxBatchSize();

  /** Most recipients (to, cc and bcc together) of one message. */
  @WithDefault("50")
  int maxRecipients();

  /** Largest request body in bytes (a whole batch). */
  @WithDefault("5242880")
  int maxRequestBytes();

  /**
   * Largest content of one message in UTF-8 bytes (text, html and template data together); keeps
   * each send.requests record under Kafka's default 1 MB record limit.
   */
  @WithDefault("716800")
  int maxContentBytes();

  /** Most extra headers of one message. */
  @WithDefault("20")
  int maxHeaders();

  /** Most tags of one message (SES allows 50; the platform adds four). */
  @WithDefault("20")
  int maxTags();

  /** How long an Idempotency-Key (and the submission records) are kept. */
  @WithDefault("24h")
  Duration idempotencyTtl();

  /** How often expired idempotency keys and submission records are deleted. */
  @WithDefault("10m")
  Duration cleanupInterval();
}
