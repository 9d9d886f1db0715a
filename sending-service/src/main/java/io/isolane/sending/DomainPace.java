package io.isolane.sending;

import io.isolane.contracts.events.DomainLimits;
import java.time.Instant;
import java.time.ZoneId;

/**
 * One sending domain's daily cap from warm-up and what all its mailboxes sent against it together,
 * per calendar day in the domain's time zone (see {@link CapDay}); the latest limits stay in force
 * until replaced. Each mailbox's own limits still apply.
 */
public final class DomainPace {
  private DomainLimits limits;
  private ZoneId zone;
  private final CapDay count;

  /**
   * @param limits the domain's limits
   * @param sentToday what its mailboxes sent so far today (from the ledger)
   */
  public DomainPace(DomainLimits limits, int sentToday, Instant now) {
    limits(limits);
    this.count = new CapDay(limits.day(), zone, now, sentToday);
  }

  /** Newer limits; what was sent still counts. */
  public synchronized void limits(DomainLimits limits) {
    this.limits = limits;
    this.zone = ZoneId.of(limits.timeZone());
  }

  /** The start of the local calendar day the cap counts from, for {@code now}. */
  public static Instant dayStart(DomainLimits limits, Instant now) {
    ZoneId zone = ZoneId.of(limits.timeZone());
    return now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
  }

  /** How many more messages the domain's mailboxes may send today, together. */
  public synchronized int allowance(Instant now) {
    return Math.max(0, limits.dailyCap() - sentToday(now));
  }

  /** A message from one of the domain's mailboxes goes to SES now. */
  public synchronized void sent(Instant now) {
    count.add(limits.day(), zone, now);
  }

  /** {@code now} while the cap leaves room, else the start of the domain's next day. */
  public synchronized Instant nextSendAt(Instant now) {
    return sentToday(now) < limits.dailyCap()
        ? now
        : count.day().plusDays(1).atStartOfDay(zone).toInstant();
  }

  private int sentToday(Instant now) {
    return count.sent(limits.day(), zone, now);
  }
}
