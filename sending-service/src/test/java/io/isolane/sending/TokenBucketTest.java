package io.isolane.sending;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private static final long MS = 1_000_000L;

  /** A scheduler that reads the bucket every tick and takes what it finds, some ticks late. */
  private static int sentIn(double rate, long seconds, long tickMs, long lateEveryNthByMs) {
    TokenBucket bucket = new TokenBucket(rate, 0);
    int sent = 0;
    long now = 0;
    for (int tick = 0; now < seconds * 1_000 * MS; tick++) {
      now += tickMs * MS + (tick % 7 == 0 ? lateEveryNthByMs * MS : 0);
      int n = bucket.available(now);
      bucket.take(n);
      sent += n;
    }
    return sent;
  }

  @Test
  void aSlowRateReadEveryTickDeliversItsRateNotLess() {
    assertThat(sentIn(10, 60, 20, 15)).isBetween(598, 601);
    assertThat(sentIn(3.3, 60, 20, 15)).isBetween(196, 199);
    assertThat(sentIn(0.5, 60, 20, 15)).isBetween(29, 31);
  }

  @Test
  void aFastRateDeliversItsRate() {
    assertThat(sentIn(500, 20, 20, 15)).isBetween(9_990, 10_050);
  }

  @Test
  void belowTwentyPerSecondAnIdleSpellSavesOneSendAndNoMore() {
    TokenBucket bucket = new TokenBucket(10, 0);
    long idle = 60_000 * MS;
    assertThat(bucket.available(idle)).isEqualTo(1);
    bucket.take(1);
    assertThat(bucket.available(idle + 40 * MS))
        .as("half a twentieth kept, not a whole send")
        .isZero();
    int inASecond = 1;
    for (long t = idle + MS; t <= idle + 1_000 * MS; t += MS) {
      int n = bucket.available(t);
      bucket.take(n);
      inASecond += n;
    }
    assertThat(inASecond).as("a second after idling: the rate plus the one saved").isEqualTo(11);
  }

  @Test
  void aFastRateSavesAtMostATenthOfASecond() {
    TokenBucket bucket = new TokenBucket(500, 0);
    assertThat(bucket.available(60_000 * MS)).isEqualTo(50);
  }

  @Test
  void aLoweredRateDropsWhatItCannotHold() {
    TokenBucket bucket = new TokenBucket(500, 0);
    bucket.available(1_000 * MS);
    bucket.rate(10, 1_000 * MS);
    assertThat(bucket.available(1_000 * MS)).isEqualTo(1);
  }
}
