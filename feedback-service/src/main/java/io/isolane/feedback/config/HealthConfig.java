package io.isolane.feedback.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Health monitoring defaults ({@code isolane.feedback.health.*}); a tenant may set its own
 * thresholds through the API. Defaults sit well below SES's own review (5% bounces, 0.1%
 * complaints) and pause levels (10%, 0.5%).
 */
@ConfigMapping(prefix = "isolane.feedback.health")
public interface HealthConfig {
  /** Hard-bounce rate that warns. */
  @WithDefault("0.02")
  double hardBounceWarn();

  /** Hard-bounce rate that pauses the smallest scope that explains it. */
  @WithDefault("0.04")
  double hardBouncePause();

  /** Complaint rate that warns. */
  @WithDefault("0.0005")
  double complaintWarn();

  /** Complaint rate that pauses. */
  @WithDefault("0.001")
  double complaintPause();

  /** Sends needed before a hard-bounce rate is trusted. */
  @WithDefault("100")
  int minSends();

  /** Sends needed before a complaint rate is trusted (one complaint is 1% of 100 sends). */
  @WithDefault("1000")
  int complaintMinSends();

  /** Sends per bucket of the rolling window: rates cover the last 1 to 2 times this many. */
  @WithDefault("1000")
  int windowSends();
}
