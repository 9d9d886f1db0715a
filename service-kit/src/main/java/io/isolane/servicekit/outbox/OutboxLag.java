package io.isolane.servicekit.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * How long the oldest unpublished event has waited, read from the table every {@code lag-interval}
 * apart from the relay: gauge {@code isolane.outbox.oldest.seconds}, and one warning per event that
 * waits longer than {@code stall-warning}. It sees a head of the table that stops moving, whatever
 * holds it: relay runs that succeed but never take that event (a row lock the relay skips), or a
 * relay that stopped running. The age is counted from the first reading that found the event at the
 * head, so it is a lower bound, at most one interval short; a relay that moves but slowly behind a
 * backlog keeps it low (the rate of {@code isolane.outbox.published} shows that one).
 */
@ApplicationScoped
public class OutboxLag {
  private static final Logger LOG = Logger.getLogger(OutboxLag.class);
  private static final String OLDEST = "SELECT seq FROM outbox_event ORDER BY seq LIMIT 1";
  private static final long NONE = -1;

  private final Pool pool;
  private final OutboxConfig config;
  private final AtomicBoolean reading = new AtomicBoolean();
  private volatile long oldest = NONE;
  private volatile long oldestSince = System.nanoTime();
  private volatile boolean warned;
  private Vertx vertx;
  private long timer;

  public OutboxLag(Pool pool, OutboxConfig config, MeterRegistry metrics) {
    this.pool = pool;
    this.config = config;
    metrics.gauge("isolane.outbox.oldest.seconds", this, OutboxLag::oldestSeconds);
  }

  void start(@Observes StartupEvent startup, Vertx vertx) {
    this.vertx = vertx;
    timer = vertx.setPeriodic(config.lagInterval().toMillis(), id -> read());
  }

  void stop(@Observes ShutdownEvent shutdown) {
    if (vertx != null) {
      vertx.cancelTimer(timer);
    }
  }

  /** One reading at a time: a table held by a lock holds the reading, and the age keeps growing. */
  private void read() {
    if (!reading.compareAndSet(false, true)) {
      return;
    }
    pool.query(OLDEST)
        .execute()
        .subscribe()
        .with(
            rows -> {
              Iterator<Row> it = rows.iterator();
              observed(it.hasNext() ? it.next().getLong("seq") : NONE);
              reading.set(false);
            },
            e -> {
              LOG.debugf(e, "cannot read the outbox's oldest event");
              reading.set(false);
            });
  }

  private void observed(long seq) {
    if (seq != oldest) {
      // the time first: a gauge read in between never pairs the new event with the old time
      oldestSince = System.nanoTime();
      warned = false;
      oldest = seq;
      return;
    }
    long waited = System.nanoTime() - oldestSince;
    if (seq != NONE && !warned && waited >= config.stallWarning().toNanos()) {
      warned = true;
      LOG.warnf(
          "outbox event %d has waited at least %d s to be published; later events may wait too",
          seq, TimeUnit.NANOSECONDS.toSeconds(waited));
    }
  }

  private double oldestSeconds() {
    return oldest == NONE ? 0 : (System.nanoTime() - oldestSince) / 1e9;
  }
}
