package io.isolane.sending.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A round of work every {@code period} on a Vert.x timer (the scheduler extension's resolution is a
 * second), never two at once: a round that is still running skips the timer's next call.
 */
final class Rounds {
  private final AtomicBoolean running = new AtomicBoolean();
  private Vertx vertx;
  private long timer;

  void start(Vertx vertx, Duration period, Supplier<Uni<?>> round) {
    this.vertx = vertx;
    timer =
        vertx.setPeriodic(
            period.toMillis(),
            id -> {
              if (running.compareAndSet(false, true)) {
                round.get().subscribe().with(done -> running.set(false), e -> running.set(false));
              }
            });
  }

  void stop() {
    if (vertx != null) {
      vertx.cancelTimer(timer);
    }
  }
}
