package io.isolane.warmup.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Settings of warmup-service ({@code isolane.warmup.*}). */
@ConfigMapping(prefix = "isolane.warmup")
public interface WarmupConfig {
  /** CloudEvents source of the events this service publishes. */
  @WithDefault("/isolane/warmup-service")
  String eventSource();

  /** How often senders whose local day has turned are looked for. */
  @WithDefault("1m")
  Duration tick();

  /** Most senders computed in one transaction (locked with SKIP LOCKED). */
  @WithDefault("100")
  int batchSize();

  /** IANA zone of a new sender's days until the tenant sets another. */
  @WithDefault("UTC")
  String defaultTimeZone();

  /** A cap is never more than this factor above the sender's cap the day before. */
  @WithDefault("2.0")
  double maxDailyGrowth();

  /** A sender that sent nothing for this many days re-enters warm-up at a lower step. */
  @WithDefault("14")
  int idleDays();

  /** How often the IP pools of a tenant that warms its dedicated IPs by plan are listed. */
  @WithDefault("10m")
  Duration ipDiscoveryInterval();

  /** Processed event ids are kept this long (redeliveries come within it). */
  @WithDefault("7d")
  Duration processedEventTtl();

  /**
   * Gating on the sender's own figures of the day before, from email.events and reply.classified.
   */
  OwnFigures ownFigures();

  /** Pacing published with every mailbox's cap. */
  Pacing pacing();

  /** Own figures: a day above any of these rates holds the next day's cap. */
  interface OwnFigures {
    /** Rates count only on days with at least this many sends. */
    @WithDefault("20")
    int minSends();

    /** Hard-bounce rate above which the next day holds. */
    @WithDefault("0.05")
    double hardBounceRate();

    /** Complaint rate above which the next day holds. */
    @WithDefault("0.003")
    double complaintRate();

    /**
     * Negative replies (unsubscribe, not interested) per send at or over which the next day holds.
     */
    @WithDefault("0.02")
    double negativeReplyRate();
  }

  /** Spacing and sending window of warming mailboxes. */
  interface Pacing {
    /** Minimum seconds between two sends of a warming mailbox. */
    @WithDefault("240")
    int minSpacingSeconds();

    /** Random extra spacing, up to this many seconds, so sends never look machine-timed. */
    @WithDefault("90")
    int jitterSeconds();

    /** ISO days of week the mailbox sends on (1 = Monday). */
    @WithDefault("1,2,3,4,5,6,7")
    List<Integer> windowDays();

    /** First hour of sending, in the sender's zone. */
    @WithDefault("0")
    int windowStartHour();

    /** Hour sending stops (exclusive), in the sender's zone. */
    @WithDefault("24")
    int windowEndHour();
  }
}
