package io.isolane.warmup.service;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A job on a Vert.x timer (the scheduler extension's resolution is a second) that never overlaps
 * itself. Each run gets a duplicated context of its own, marked safe: Hibernate Reactive needs one.
 */
final class Periodic {
  private final Vertx vertx;
  private final Supplier<Uni<Void>> job;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private final long timer;

  Periodic(Vertx vertx, Duration period, Supplier<Uni<Void>> job) {
    this.vertx = vertx;
    this.job = job;
    this.timer = vertx.setPeriodic(period.toMillis(), id -> run(false));
  }

  /** Runs the job now, or right after the run in progress (a timer run is simply skipped). */
  void runNow() {
    run(true);
  }

  void cancel() {
    vertx.cancelTimer(timer);
  }

  private void run(boolean requested) {
    if (!running.compareAndSet(false, true)) {
      if (requested) {
        again.set(true); // the run in progress may have missed what the caller just committed
      }
      return;
    }
    again.set(false);
    Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
    VertxContextSafetyToggle.setContextSafe(context, true);
    context.runOnContext(ignored -> job.get().subscribe().with(done -> ended(), e -> ended()));
  }

  private void ended() {
    running.set(false);
    if (again.get()) {
      runNow();
    }
  }
}
