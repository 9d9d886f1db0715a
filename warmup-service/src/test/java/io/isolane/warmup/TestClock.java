package io.isolane.warmup;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock in tests: stands still at 10:00 UTC of the real day until a test moves it, so
 * a test lives through weeks in seconds. Shared by every test class of the JVM; it only moves
 * forward.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(10)));

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  /** Moves the clock on by whole days. */
  public void advanceDays(int days) {
    now.updateAndGet(t -> t.plus(Duration.ofDays(days)));
  }

  /** Today in UTC. */
  public LocalDate today() {
    return LocalDate.ofInstant(instant(), ZoneOffset.UTC);
  }
}
