package io.isolane.servicekit.outbox;

import io.isolane.contracts.UnpublishableEventException;
import io.isolane.servicekit.outbox.RelayWatch.Step;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows in commit order: each batch is taken (deleted) in a transaction that
 * commits only once Kafka acknowledged every record of it. Rows are locked with SKIP LOCKED, so
 * several instances never publish the same row at once; a crash before the commit republishes the
 * batch with the same event ids, which consumers deduplicate. Plain reactive SQL, no ORM: this is
 * every service's hottest write path.
 */
@ApplicationScoped
public class OutboxRelay {
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

  /** Most events unacknowledged at once: under the emitters' default buffer of 128. */
  static final int IN_FLIGHT = 100;

  // resolved per run: the sink's emitters cannot be connected before reactive messaging is wired,
  // which on a busy machine may be after the first run; that run then fails and is retried
  private final Instance<OutboxSink> sink;
  private final OutboxRepository outbox;
  private final OutboxConfig config;
  private final Pool pool;
  private final RelayWatch watch;
  private final AtomicBoolean running = new AtomicBoolean();
  private Vertx vertx;
  private long timer;

  public OutboxRelay(
      Instance<OutboxSink> sink,
      OutboxRepository outbox,
      OutboxConfig config,
      Pool pool,
      MeterRegistry metrics) {
    this.pool = pool;
    this.watch = new RelayWatch(metrics);
    this.sink = sink;
    this.outbox = outbox;
    this.config = config;
  }

  /**
   * Runs every {@code poll-interval} on a Vert.x timer (the scheduler extension would round a
   * sub-second interval up to a second), never two runs at once, so rows leave in commit order. The
   * start delay lets reactive messaging connect the emitters before the first run.
   */
  void start(@Observes StartupEvent startup, Vertx vertx) {
    this.vertx = vertx;
    timer =
        vertx.setPeriodic(
            config.startDelay().toMillis(), config.pollInterval().toMillis(), id -> tick());
  }

  void stop(@Observes ShutdownEvent shutdown) {
    if (vertx != null) {
      vertx.cancelTimer(timer);
    }
  }

  private void tick() {
    if (!running.compareAndSet(false, true)) {
      watch.check(config.stallWarning());
      return;
    }
    relay().subscribe().with(done -> finished(), e -> finished());
  }

  private void finished() {
    watch.enter(Step.IDLE, 0);
    running.set(false);
  }

  Uni<Void> relay() {
    return drain(0)
        .onFailure()
        .invoke(
            e -> {
              watch.failed();
              LOG.warnf(e, "outbox relay run failed; it will retry");
            })
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  /** Publishes batch after batch while they come full, up to {@code max-batches-per-run}. */
  private Uni<Integer> drain(int done) {
    // built as the previous batch ends (or the run starts) and subscribed at once
    watch.enter(Step.CONNECTING, 0);
    return pool.withTransaction(this::publishBatch)
        .invoke(watch::published)
        .chain(
            n ->
                n == config.batchSize() && done + 1 < config.maxBatchesPerRun()
                    ? drain(done + 1)
                    : Uni.createFrom().item(n));
  }

  /**
   * Takes one batch in the transaction and publishes it; a failed send rolls the transaction back,
   * so the rows stay for the next run. Returns how many rows it published.
   */
  private Uni<Integer> publishBatch(SqlConnection c) {
    watch.enter(Step.TAKING, 0);
    return outbox
        .takeOldest(c, config.batchSize())
        .invoke(rows -> watch.enter(Step.SENDING, rows.size()))
        .call(this::send)
        .invoke(rows -> watch.enter(Step.COMMITTING, rows.size()))
        .map(List::size);
  }

  private Uni<Void> send(List<OutboxEvent> rows) {
    if (rows.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return Uni.createFrom().item(sink::get).chain(target -> sendAll(target, rows));
  }

  /**
   * Hands the rows to the producer in order (the producer keeps that order per partition), up to
   * {@link #IN_FLIGHT} unacknowledged at a time, and completes once all are acknowledged. The bound
   * keeps a batch within an emitter's buffer whatever the Kafka sink asks for at that moment: a
   * full buffer fails the emitter for good, and with it every later send of the service.
   */
  private Uni<Void> sendAll(OutboxSink target, List<OutboxEvent> rows) {
    return Multi.createFrom()
        .iterable(rows)
        .onItem()
        .transformToUni(row -> publish(target, row))
        .merge(IN_FLIGHT)
        .collect()
        .last()
        .ifNoItem()
        .after(config.sendTimeout())
        .fail()
        .replaceWithVoid();
  }

  /**
   * Sends the row's event; one that can never be encoded (a producer bug) is handed to the sink's
   * way out instead, so it does not hold every later event of the service behind it.
   */
  private static Uni<Void> publish(OutboxSink target, OutboxEvent row) {
    try {
      return target.send(row);
    } catch (UnpublishableEventException e) {
      LOG.errorf(
          "outbox event %s (%s, tenant %s) cannot be published, rejected: %s",
          row.eventId, row.ceType, row.tenantId, e.getMessage());
      return target.reject(row, e.getMessage());
    }
  }
}
