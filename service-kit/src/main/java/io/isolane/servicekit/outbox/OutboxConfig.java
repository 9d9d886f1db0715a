package io.isolane.servicekit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the outbox relay ({@code isolane.outbox.*}). */
@ConfigMapping(prefix = "isolane.outbox")
public interface OutboxConfig {
  /** Most events published per batch (one transaction, one wait for acknowledgements). */
  @WithDefault("500")
  int batchSize();

  /** Most batches one relay run publishes back to back while they come full. */
  @WithDefault("20")
  int maxBatchesPerRun();

  /** How long after start-up the relay first runs. */
  @WithDefault("2s")
  Duration startDelay();

  /**
   * Longest wait for Kafka to acknowledge a batch; the run then fails and the batch is published
   * again by a later one.
   */
  @WithDefault("60s")
  Duration sendTimeout();

  /**
   * How long one step of a relay run (connecting, taking, sending, committing) may last before the
   * relay warns, naming the step, that later events wait behind it; and how long the oldest event
   * may wait unpublished before {@code OutboxLag} warns.
   */
  @WithDefault("30s")
  Duration stallWarning();

  /** How often the age of the oldest unpublished event is read ({@code OutboxLag}). */
  @WithDefault("5s")
  Duration lagInterval();

  /** How often the relay looks for unpublished events. */
  @WithDefault("1s")
  Duration pollInterval();
}
