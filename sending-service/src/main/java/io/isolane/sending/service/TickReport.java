package io.isolane.sending.service;

import io.isolane.contracts.events.TenantStatus;
import io.isolane.sending.Lane;
import java.util.Collection;
import org.jboss.logging.Logger;

/** A line every ten seconds saying what the scheduler sees, for operators. */
final class TickReport {
  private static final Logger LOG = Logger.getLogger(Dispatcher.class);
  private static final long EVERY_NANOS = 10_000_000_000L;

  private long reportedAt;
  private long ticks;
  private long tickNanos;
  private long lastTickStart = System.nanoTime();

  void ticked(long now) {
    ticks++;
    tickNanos += now - lastTickStart;
    lastTickStart = now;
  }

  void maybeLog(
      Collection<Lane> all,
      Lanes lanes,
      Plan plan,
      double share,
      AccountRate rate,
      int inFlight,
      long now) {
    if (now - reportedAt < EVERY_NANOS) {
      return;
    }
    reportedAt = now;
    long active = all.stream().filter(l -> l.status() == TenantStatus.ACTIVE).count();
    long sendable = all.stream().filter(lanes::sendable).count();
    LOG.infof(
        "scheduler: %d lanes (%d active, %d sendable), %d tenants and %d mailboxes planned, share"
            + " %.2f, account rate %.1f/s, %d in flight, %.1f ms between ticks",
        all.size(),
        active,
        sendable,
        plan.quotas.size(),
        plan.probes.size(),
        share,
        rate.rate(),
        inFlight,
        ticks == 0 ? 0 : tickNanos / 1e6 / ticks);
    ticks = 0;
    tickNanos = 0;
  }
}
