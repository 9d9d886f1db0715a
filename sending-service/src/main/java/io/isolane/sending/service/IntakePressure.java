package io.isolane.sending.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.LongSupplier;

/**
 * Whether the send.requests consumer is behind the topic: its polls come back full. While it is,
 * the spill drain holds back but for one short round a second, so the cores go to reading the topic
 * and other tenants' requests behind a burst are reached sooner; the parked burst waits, durably.
 */
@ApplicationScoped
public class IntakePressure {
  /** A poll this large means more records were waiting (max.poll.records is 1,000). */
  static final int FULL_POLL = 500;

  private static final long BUSY_NANOS = 150_000_000L;
  private static final long LEAST_ROUND_NANOS = 1_000_000_000L;

  private final LongSupplier clock;
  private volatile long lastFullPoll;

  public IntakePressure() {
    this(System::nanoTime);
  }

  IntakePressure(LongSupplier clock) {
    this.clock = clock;
    this.lastFullPoll = clock.getAsLong() - BUSY_NANOS - 1;
  }

  /** A poll of this many records was taken in. */
  void polled(int records) {
    if (records >= FULL_POLL) {
      lastFullPoll = clock.getAsLong();
    }
  }

  /** Whether the consumer's polls came back full just now. */
  boolean behind() {
    return clock.getAsLong() - lastFullPoll <= BUSY_NANOS;
  }

  /** Whether a drain round may start now, the last one having started at {@code lastRound}. */
  boolean drainMayRun(long lastRound) {
    return !behind() || clock.getAsLong() - lastRound >= LEAST_ROUND_NANOS;
  }

  /** The clock rounds are timed by. */
  long now() {
    return clock.getAsLong();
  }
}
