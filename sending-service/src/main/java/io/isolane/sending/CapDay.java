package io.isolane.sending;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The calendar day a daily cap from warm-up counts: the local date in the cap's zone, or the day
 * the limits were computed for when warm-up is already on a later day (its day turned a little
 * before this instance's clock did): warm-up's new day starts a new count.
 */
public final class CapDay {
  private CapDay() {}

  /** The day a cap for {@code limitsDay} (may be null) counts at {@code now} in {@code zone}. */
  public static LocalDate of(LocalDate limitsDay, ZoneId zone, Instant now) {
    LocalDate local = now.atZone(zone).toLocalDate();
    return limitsDay != null && limitsDay.isAfter(local) ? limitsDay : local;
  }
}
