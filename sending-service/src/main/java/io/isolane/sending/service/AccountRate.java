package io.isolane.sending.service;

import io.isolane.sending.TokenBucket;

/**
 * This instance's share of the SES account's max send rate, adapted AIMD-style: a 429 halves it,
 * every second without one adds back a step, never above the share.
 */
final class AccountRate {
  private final double increasePerSecond;
  private double accountMax;
  private double share = 1;
  private final TokenBucket bucket;
  private long lastThrottleNanos;

  AccountRate(double accountMax, double increasePerSecond, long nowNanos) {
    this.accountMax = accountMax;
    this.increasePerSecond = increasePerSecond;
    this.bucket = new TokenBucket(accountMax, nowNanos);
    this.lastThrottleNanos = nowNanos;
  }

  synchronized int available(long nowNanos) {
    double ceiling = ceiling();
    double recovered =
        Math.min(ceiling, bucket.rate() + increasePerSecond * secondsSince(nowNanos));
    if (recovered > bucket.rate()) {
      bucket.rate(recovered, nowNanos);
      lastThrottleNanos = nowNanos;
    }
    return bucket.available(nowNanos);
  }

  synchronized void take(int n) {
    bucket.take(n);
  }

  /** SES said too many requests: halve the rate. */
  synchronized void throttled(long nowNanos) {
    bucket.rate(Math.max(1, bucket.rate() / 2), nowNanos);
    lastThrottleNanos = nowNanos;
  }

  /** The account's max send rate as SES reports it (called from any thread). */
  synchronized void accountMax(double max, long nowNanos) {
    boolean atCeiling = bucket.rate() >= ceiling();
    accountMax = max;
    follow(atCeiling, nowNanos);
  }

  /** The fraction of partitions (hence tenants) this instance owns. */
  synchronized void share(double fraction, long nowNanos) {
    if (fraction == share) {
      return;
    }
    boolean atCeiling = bucket.rate() >= ceiling();
    share = fraction;
    follow(atCeiling, nowNanos);
  }

  /** A rate that was not backing off follows a new ceiling up; any rate follows it down. */
  private void follow(boolean atCeiling, long nowNanos) {
    bucket.rate(atCeiling ? ceiling() : Math.min(bucket.rate(), ceiling()), nowNanos);
  }

  synchronized double rate() {
    return bucket.rate();
  }

  private double ceiling() {
    return Math.max(1, accountMax * share);
  }

  private double secondsSince(long nowNanos) {
    return (nowNanos - lastThrottleNanos) / 1e9;
  }
}
