package io.isolane.sending;

/**
 * A token bucket refilled continuously at {@code rate} per second that holds at most a tenth of a
 * second of tokens: sends are paced evenly, never saved up into a burst. Below 20/s it holds one
 * token plus a twentieth of a second's worth, so a whole token is never more than one send, yet the
 * fraction earned while a token waits for the next tick is kept (capped at exactly one token, a
 * 10/s bucket read every 20 ms delivered about 9/s). Not thread-safe; the scheduler owns it.
 */
public final class TokenBucket {
  private static final double BURST_SECONDS = 0.1;
  private static final double CARRY_SECONDS = 0.05;

  private double rate;
  private double tokens;
  private long lastNanos;

  public TokenBucket(double rate, long nowNanos) {
    this.rate = rate;
    this.tokens = Math.min(1, rate);
    this.lastNanos = nowNanos;
  }

  /** Whole tokens available now. */
  public int available(long nowNanos) {
    refill(nowNanos);
    return (int) Math.floor(tokens);
  }

  public void take(int n) {
    tokens -= n;
  }

  /** Changes the rate, keeping what was earned (capped by the new capacity). */
  public void rate(double newRate, long nowNanos) {
    refill(nowNanos);
    rate = newRate;
    tokens = Math.min(tokens, capacity());
  }

  public double rate() {
    return rate;
  }

  private void refill(long nowNanos) {
    double elapsed = (nowNanos - lastNanos) / 1e9;
    lastNanos = nowNanos;
    tokens = Math.min(capacity(), tokens + elapsed * rate);
  }

  private double capacity() {
    return Math.max(1 + rate * CARRY_SECONDS, rate * BURST_SECONDS);
  }
}
