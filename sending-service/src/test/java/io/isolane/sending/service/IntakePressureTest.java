package io.isolane.sending.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IntakePressureTest {
  private static final long MS = 1_000_000L;
  private final AtomicLong now = new AtomicLong(1_000_000 * MS);
  private final IntakePressure pressure = new IntakePressure(now::get);

  @Test
  void theDrainRunsFreelyWhileTheConsumerKeepsUp() {
    long lastRound = now.get();
    pressure.polled(IntakePressure.FULL_POLL - 1);

    assertThat(pressure.drainMayRun(lastRound)).isTrue();
  }

  @Test
  void aFullPollHoldsTheDrainBackButForOneRoundASecond() {
    long lastRound = now.get();
    pressure.polled(1_000);
    now.addAndGet(100 * MS);
    assertThat(pressure.drainMayRun(lastRound)).as("just after a full poll").isFalse();
    assertThat(pressure.behind()).isTrue();

    pressure.polled(800);
    for (int i = 0; i < 8; i++) { // full polls keep coming: the last at 900 ms
      now.addAndGet(100 * MS);
      pressure.polled(800);
    }
    now.addAndGet(99 * MS);
    assertThat(pressure.drainMayRun(lastRound)).as("still behind, 999 ms after a round").isFalse();
    now.addAndGet(MS);
    assertThat(pressure.drainMayRun(lastRound)).as("a second after the last round").isTrue();
  }

  @Test
  void theDrainResumesOnceThePollsAreNoLongerFull() {
    long lastRound = now.get();
    pressure.polled(1_000);
    now.addAndGet(100 * MS);
    pressure.polled(20); // caught up
    now.addAndGet(51 * MS);

    assertThat(pressure.behind()).isFalse();
    assertThat(pressure.drainMayRun(lastRound)).isTrue();
  }
}
