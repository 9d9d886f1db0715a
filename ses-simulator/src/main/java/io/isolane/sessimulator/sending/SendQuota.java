package io.isolane.sessimulator.sending;

import io.isolane.sessimulator.web.SesException;

/**
 * SES's two sending limits, both counted in recipients: a maximum send rate (a token bucket that
 * holds at most one second of sending) and a rolling 24-hour quota (per-minute buckets). Both can
 * be changed while it runs ({@link #change}), as SES raises (or lowers) an account's quota; every
 * method holds the instance's lock.
 */
public final class SendQuota {
  private static final int MINUTES_PER_DAY = 24 * 60;

  private double maxSendRate;
  private double max24HourSend;
  private final long[] perMinute = new long[MINUTES_PER_DAY];
  private final long[] minuteOf = new long[MINUTES_PER_DAY];
  private double tokens;
  private long refilledAtNanos;

  public SendQuota(double maxSendRate, double max24HourSend) {
    this.maxSendRate = maxSendRate;
    this.max24HourSend = max24HourSend;
    this.tokens = maxSendRate;
    this.refilledAtNanos = System.nanoTime();
  }

  /**
   * Takes {@code recipients} from both limits, or throws the error SES returns and takes nothing.
   */
  public synchronized void acquire(int recipients) {
    refill();
    if (sentLast24Hours() + recipients > max24HourSend) {
      throw SesException.limitExceeded("Daily message quota exceeded.");
    }
    if (tokens < recipients) {
      throw SesException.tooManyRequests("Maximum sending rate exceeded.");
    }
    tokens -= recipients;
    long minute = System.currentTimeMillis() / 60_000;
    int slot = (int) (minute % MINUTES_PER_DAY);
    if (minuteOf[slot] != minute) {
      minuteOf[slot] = minute;
      perMinute[slot] = 0;
    }
    perMinute[slot] += recipients;
  }

  /** Recipients sent in the last 24 hours (to the minute). */
  public synchronized long sentLast24Hours() {
    long now = System.currentTimeMillis() / 60_000;
    long total = 0;
    for (int i = 0; i < MINUTES_PER_DAY; i++) {
      if (now - minuteOf[i] < MINUTES_PER_DAY) {
        total += perMinute[i];
      }
    }
    return total;
  }

  /**
   * Changes the limits from now on; a null leaves that limit as it is. The bucket's capacity
   * follows the rate: raised, the added capacity is available at once (as a fresh bucket starts
   * full); lowered, tokens above the new capacity are dropped. Recipients already sent keep
   * counting against the (new) 24-hour quota.
   *
   * @throws IllegalArgumentException if a value is not a positive finite number (nothing changes)
   */
  public synchronized Snapshot change(Double newMaxSendRate, Double newMax24HourSend) {
    if (newMaxSendRate != null) {
      requirePositive("maxSendRate", newMaxSendRate);
    }
    if (newMax24HourSend != null) {
      requirePositive("max24HourSend", newMax24HourSend);
    }
    if (newMaxSendRate != null) {
      refill();
      tokens = Math.min(newMaxSendRate, tokens + Math.max(0, newMaxSendRate - maxSendRate));
      maxSendRate = newMaxSendRate;
    }
    if (newMax24HourSend != null) {
      max24HourSend = newMax24HourSend;
    }
    return snapshot();
  }

  /** The limits and the recipients sent in the last 24 hours, read together. */
  public synchronized Snapshot snapshot() {
    return new Snapshot(maxSendRate, max24HourSend, sentLast24Hours());
  }

  public synchronized double maxSendRate() {
    return maxSendRate;
  }

  public synchronized double max24HourSend() {
    return max24HourSend;
  }

  private static void requirePositive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a positive number, not " + value);
    }
  }

  private void refill() {
    long now = System.nanoTime();
    tokens = Math.min(maxSendRate, tokens + (now - refilledAtNanos) / 1e9 * maxSendRate);
    refilledAtNanos = now;
  }

  /**
   * The account's send quota at one moment, as GetAccount reports it.
   *
   * @param maxSendRate recipients per second
   * @param max24HourSend recipients per rolling 24 hours
   * @param sentLast24Hours recipients sent in the last 24 hours (to the minute)
   */
  public record Snapshot(double maxSendRate, double max24HourSend, long sentLast24Hours) {}
}
