package io.isolane.feedback.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.contracts.events.EmailEventType;
import io.isolane.feedback.Intake;
import io.isolane.feedback.config.IntakeConfig;
import io.isolane.testkit.SampleEvents;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The group commit's batching on its own, with a writer standing in for the database (the flow
 * through PostgreSQL is GroupCommitTest's): batches while a write is in flight, and a failed batch
 * fails only the notification that cannot be written.
 */
class IntakeBatcherTest {
  private static final IntakeConfig CONFIG =
      new IntakeConfig() {
        @Override
        public int maxBatch() {
          return 4;
        }

        @Override
        public int concurrentBatches() {
          return 1;
        }
      };

  /** Fails every batch that holds the poisoned mark, answers the others after a pause. */
  private static final class RecordingWriter extends IntakeWriter {
    final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

    RecordingWriter() {
      super(null, null, null);
    }

    @Override
    public Uni<List<String>> write(List<Intake> intakes) {
      batchSizes.add(intakes.size());
      if (intakes.stream().anyMatch(i -> i.markId().equals("sns:poison"))) {
        return Uni.createFrom().failure(new IllegalStateException("value too long"));
      }
      return Uni.createFrom()
          .item(intakes.stream().map(i -> "published " + i.markId()).toList())
          .onItem()
          .delayIt()
          .by(Duration.ofMillis(20));
    }
  }

  @Test
  void waitingNotificationsGoTogetherAndOnlyTheBadOneFails() {
    RecordingWriter writer = new RecordingWriter();
    IntakeBatcher batcher = new IntakeBatcher(writer, CONFIG);
    List<String> ids = List.of("a", "b", "c", "poison", "d", "e", "f", "g", "h");
    List<Uni<String>> answers = new ArrayList<>();
    for (String id : ids) {
      answers.add(
          batcher
              .commit(
                  Intake.of(
                      id,
                      List.of(
                          SampleEvents.emailEvent(
                              "t-1", EmailEventType.DELIVERED, "x@example.org", null))))
              .onFailure()
              .recoverWithItem(e -> "failed: " + e.getMessage())
              .memoize()
              .indefinitely());
    }
    answers.forEach(a -> a.subscribe().with(x -> {}));

    List<String> results =
        answers.stream().map(a -> a.await().atMost(Duration.ofSeconds(5))).toList();

    assertThat(results)
        .containsExactly(
            "published sns:a",
            "published sns:b",
            "published sns:c",
            "failed: value too long",
            "published sns:d",
            "published sns:e",
            "published sns:f",
            "published sns:g",
            "published sns:h");
    assertThat(writer.batchSizes).allMatch(size -> size <= CONFIG.maxBatch());
    assertThat(writer.batchSizes.size()).isLessThan(ids.size() + 4);
  }
}
