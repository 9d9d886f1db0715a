package io.isolane.sessimulator.sending;

import io.isolane.sessimulator.web.SesException;

/**
 * SES's two sending limits, both counted in recipients: a maximum send rate (a token bucket that
 * holds at most one second of sending) and a rolling 24-hour quota (per-minute buckets).
 */
public final class SendQuota {
  private static final int MINUTES_PER_DAY = 24 * 60;

  private final double maxSendRate;
  private final double max24HourSend;
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

  public double maxSendRate() {
    return maxSendRate;
  }

  public double max24HourSend() {
    return max24HourSend;
  }

  private void refill() {
    long now = System.nanoTime();
    tokens = Math.min(maxSendRate, tokens + (now - refilledAtNanos) / 1e9 * maxSendRate);
    refilledAtNanos = now;
  }
}
