package io.isolane.sending.service;

import io.isolane.sending.config.ApiConfig;
import io.isolane.sending.config.SendingConfig;
import io.isolane.sending.repository.LedgerRetention;
import io.isolane.sending.repository.LedgerRetention.Purged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Deletes terminal messages (and their history) last updated longer than {@code
 * isolane.sending.retention.terminal} ago, batch after batch until none is left. One sweep at a
 * time per instance; instances may sweep together (locked rows are skipped).
 */
@ApplicationScoped
public class RetentionSweeper {
  /** Daily, mailbox and domain counts read the claims of the current day from the ledger. */
  static final Duration SHORTEST = Duration.ofDays(2);

  private static final Logger LOG = Logger.getLogger(RetentionSweeper.class);

  private final LedgerRetention ledger;
  private final SendingConfig.Retention config;
  private final Duration idempotencyTtl;
  private final Counter purgedMessages;
  private final Counter purgedHistory;
  private final AtomicBoolean running = new AtomicBoolean();

  public RetentionSweeper(
      LedgerRetention ledger, SendingConfig config, ApiConfig api, MeterRegistry metrics) {
    this.ledger = ledger;
    this.config = config.retention();
    this.idempotencyTtl = api.idempotencyTtl();
    this.purgedMessages = metrics.counter("isolane.sending.retention.purged", "table", "message");
    this.purgedHistory =
        metrics.counter("isolane.sending.retention.purged", "table", "message_history");
  }

  /** Refuses to start with a retention that could lose rows still needed. */
  void check(@Observes StartupEvent startup) {
    validate(config.terminal(), idempotencyTtl);
  }

  static void validate(Duration terminal, Duration idempotencyTtl) {
    if (terminal.compareTo(SHORTEST) < 0) {
      throw new IllegalArgumentException(
          "isolane.sending.retention.terminal is "
              + terminal
              + ": it must be at least 2 days, or a day's send counts could lose rows");
    }
    // a purged message whose submission record lived on would read as "submitted" again
    if (terminal.compareTo(idempotencyTtl) <= 0) {
      throw new IllegalArgumentException(
          "isolane.sending.retention.terminal ("
              + terminal
              + ") must be longer than isolane.api.idempotency-ttl ("
              + idempotencyTtl
              + ")");
    }
  }

  @Scheduled(
      identity = "retention",
      every = "${isolane.sending.retention.sweep-interval:1h}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> sweep() {
    return purge()
        .onFailure()
        .invoke(e -> LOG.warnf("retention sweep failed; it will run again: %s", e.toString()))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  /**
   * Deletes every terminal message past its retention, in batches of {@code batch-size}; what it
   * deleted, or nothing when a sweep is already running.
   */
  public Uni<Purged> purge() {
    if (!running.compareAndSet(false, true)) {
      return Uni.createFrom().item(new Purged(0, 0));
    }
    Instant before = Instant.now().minus(config.terminal());
    int batch = config.batchSize();
    return Multi.createBy()
        .repeating()
        .uni(() -> ledger.purge(before, batch))
        .whilst(p -> p.messages() == batch)
        .invoke(this::count)
        .collect()
        .asList()
        .map(batches -> batches.stream().reduce(new Purged(0, 0), Purged::plus))
        .invoke(
            total -> {
              if (total.messages() > 0) {
                LOG.infof(
                    "retention purged %d terminal messages and %d history rows last updated"
                        + " before %s",
                    total.messages(), total.history(), before);
              }
            })
        .eventually(() -> running.set(false));
  }

  private void count(Purged batch) {
    purgedMessages.increment(batch.messages());
    purgedHistory.increment(batch.history());
  }
}
