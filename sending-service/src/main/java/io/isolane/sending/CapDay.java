package io.isolane.sending;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What a sender sent against a daily cap from warm-up, on the calendar day the cap counts: the
 * local date in the cap's zone, or the day the limits were computed for when warm-up is already on
 * a later day (its day turned a little before this instance's clock did). A new day starts the
 * count again. Used under its pace's lock.
 */
public final class CapDay {
  private LocalDate day;
  private int sent;

  /** A count of {@code sent} (from the ledger) on the day the cap counts at {@code now}. */
  public CapDay(LocalDate limitsDay, ZoneId zone, Instant now, int sent) {
    this.day = of(limitsDay, zone, now);
    this.sent = sent;
  }

  /** The day a cap for {@code limitsDay} (may be null) counts at {@code now} in {@code zone}. */
  public static LocalDate of(LocalDate limitsDay, ZoneId zone, Instant now) {
    LocalDate local = now.atZone(zone).toLocalDate();
    return limitsDay != null && limitsDay.isAfter(local) ? limitsDay : local;
  }

  /** What was sent on the day the cap counts at {@code now}. */
  public int sent(LocalDate limitsDay, ZoneId zone, Instant now) {
    LocalDate today = of(limitsDay, zone, now);
    if (!today.equals(day)) {
      day = today;
      sent = 0;
    }
    return sent;
  }

  /** One more send at {@code now}. */
  public void add(LocalDate limitsDay, ZoneId zone, Instant now) {
    sent(limitsDay, zone, now);
    sent++;
  }

  /** The day counted, as of the last call. */
  public LocalDate day() {
    return day;
  }
}
