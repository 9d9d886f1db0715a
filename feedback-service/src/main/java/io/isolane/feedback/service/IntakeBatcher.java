package io.isolane.feedback.service;

import io.isolane.feedback.Intake;
import io.isolane.feedback.config.IntakeConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Group commit for the SNS endpoint: notifications that arrive while a transaction is in flight are
 * committed together in the next one, so a busy endpoint costs a few statements per batch instead
 * of several per notification. Each caller still hears only after its own notification committed. A
 * batch that fails is retried one notification per transaction, so one bad notification fails only
 * its own request (SNS then retries it).
 */
@ApplicationScoped
public class IntakeBatcher {
  private static final Logger LOG = Logger.getLogger(IntakeBatcher.class);

  private record Waiting(Intake intake, UniEmitter<? super String> answer) {}

  private final IntakeWriter writer;
  private final IntakeConfig config;
  private final Queue<Waiting> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger inFlight = new AtomicInteger();

  public IntakeBatcher(IntakeWriter writer, IntakeConfig config) {
    this.writer = writer;
    this.config = config;
  }

  /** Commits the intake; the item says what was done ("published N" or "duplicate"). */
  public Uni<String> commit(Intake intake) {
    return Uni.createFrom()
        .emitter(
            answer -> {
              queue.add(new Waiting(intake, answer));
              startBatches();
            });
  }

  private void startBatches() {
    while (!queue.isEmpty()) {
      int running = inFlight.get();
      if (running >= config.concurrentBatches()) {
        return; // a finishing batch calls back here
      }
      if (inFlight.compareAndSet(running, running + 1)) {
        write(take());
      }
    }
  }

  private List<Waiting> take() {
    List<Waiting> batch = new ArrayList<>();
    Waiting w;
    while (batch.size() < config.maxBatch() && (w = queue.poll()) != null) {
      batch.add(w);
    }
    return batch;
  }

  private void write(List<Waiting> batch) {
    if (batch.isEmpty()) {
      finished();
      return;
    }
    writer
        .write(batch.stream().map(Waiting::intake).toList())
        .subscribe()
        .with(
            answers -> {
              for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer().complete(answers.get(i));
              }
              finished();
            },
            failure -> {
              if (batch.size() == 1) {
                batch.get(0).answer().fail(failure);
                finished();
                return;
              }
              LOG.warnf(
                  "a batch of %d notifications failed (%s); one at a time",
                  batch.size(), failure.toString());
              oneByOne(batch);
            });
  }

  private void oneByOne(List<Waiting> batch) {
    Multi.createFrom()
        .iterable(batch)
        .onItem()
        .transformToUniAndConcatenate(
            w ->
                writer
                    .write(List.of(w.intake()))
                    .onItem()
                    .invoke(answers -> w.answer().complete(answers.get(0)))
                    .onFailure()
                    .invoke(w.answer()::fail)
                    .onFailure()
                    .recoverWithNull())
        .collect()
        .last()
        .subscribe()
        .with(ignored -> finished(), ignored -> finished());
  }

  private void finished() {
    inFlight.decrementAndGet();
    startBatches();
  }
}
