package io.isolane.tenant.client;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Spaces SES control-plane calls evenly (SES allows about one per second per account), blocking the
 * calling worker thread until its turn.
 */
final class ControlPlaneLimiter {
  private final long spacingNanos;
  private long nextSlot;

  ControlPlaneLimiter(double perSecond) {
    this.spacingNanos = perSecond <= 0 ? 0 : (long) (Duration.ofSeconds(1).toNanos() / perSecond);
    this.nextSlot = System.nanoTime();
  }

  void acquire() {
    if (spacingNanos == 0) {
      return;
    }
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      long slot = Math.max(now, nextSlot);
      nextSlot = slot + spacingNanos;
      wait = slot - now;
    }
    if (wait > 0) {
      LockSupport.parkNanos(wait);
    }
  }
}
