package io.isolane.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Runs a job of the service as its timers do: on a Vert.x context of its own, marked safe. */
final class OnVertx {
  private OnVertx() {}

  /** Starts {@code n} runs of {@code job} at once, each on its own context, and waits for all. */
  static void runConcurrently(Vertx vertx, int n, Supplier<Uni<Integer>> job) throws Exception {
    List<CompletableFuture<Integer>> runs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      CompletableFuture<Integer> done = new CompletableFuture<>();
      Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
      VertxContextSafetyToggle.setContextSafe(context, true);
      context.runOnContext(
          ignored -> job.get().subscribe().with(done::complete, done::completeExceptionally));
      runs.add(done);
    }
    for (CompletableFuture<Integer> run : runs) {
      assertThat(run.get(30, TimeUnit.SECONDS)).isNotNegative();
    }
  }
}
