package io.isolane.servicekit.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * What the relay is doing right now, so a run that stops moving is visible: a gauge of how long the
 * current step has lasted ({@code isolane.outbox.relay.step.seconds}, 0 between runs), one warning
 * per step that lasts longer than {@code stall-warning}, and counters of the events published and
 * of failed runs. Only the send step has a timeout; taking a connection, the delete and the commit
 * wait on the database, and this is how an operator sees that they do.
 */
final class RelayWatch {
  private static final Logger LOG = Logger.getLogger(RelayWatch.class);

  /** One step of a relay run. */
  enum Step {
    IDLE("idle"),
    CONNECTING("waiting for a database connection"),
    TAKING("taking the oldest events"),
    SENDING("waiting for Kafka's acknowledgements"),
    COMMITTING("committing the published batch");

    private final String doing;

    Step(String doing) {
      this.doing = doing;
    }
  }

  private final Counter published;
  private final Counter failures;
  private volatile Step step = Step.IDLE;
  private volatile long since = System.nanoTime();
  private volatile int rows;
  private volatile boolean warned;

  RelayWatch(MeterRegistry metrics) {
    this.published = metrics.counter("isolane.outbox.published");
    this.failures = metrics.counter("isolane.outbox.relay.failures");
    metrics.gauge("isolane.outbox.relay.step.seconds", this, RelayWatch::stepSeconds);
  }

  void enter(Step next, int batchRows) {
    rows = batchRows;
    warned = false;
    since = System.nanoTime();
    step = next;
  }

  void published(int n) {
    published.increment(n);
  }

  void failed() {
    failures.increment();
  }

  /** Warns once about a step that has lasted longer than {@code limit}. */
  void check(Duration limit) {
    Step current = step;
    long lasted = System.nanoTime() - since;
    if (current == Step.IDLE || warned || lasted < limit.toNanos()) {
      return;
    }
    warned = true;
    LOG.warnf(
        "outbox relay has been %s for %d s%s; later events wait behind it",
        current.doing,
        TimeUnit.NANOSECONDS.toSeconds(lasted),
        rows > 0 ? " (batch of " + rows + " events)" : "");
  }

  private double stepSeconds() {
    return step == Step.IDLE ? 0 : (System.nanoTime() - since) / 1e9;
  }
}
