package io.isolane.sending;

import io.isolane.contracts.events.DomainLimits;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One sending domain's daily cap from warm-up and what all its mailboxes sent against it together,
 * per calendar day in the domain's time zone (see {@link CapDay}); the latest limits stay in force
 * until replaced. Each mailbox's own limits still apply.
 */
public final class DomainPace {
  private DomainLimits limits;
  private ZoneId zone;
  private LocalDate day;
  private int sentOnDay;

  /**
   * @param limits the domain's limits
   * @param sentToday what its mailboxes sent so far today (from the ledger)
   */
  public DomainPace(DomainLimits limits, int sentToday, Instant now) {
    limits(limits);
    this.day = today(now);
    this.sentOnDay = sentToday;
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
    rollOver(now);
    return Math.max(0, limits.dailyCap() - sentOnDay);
  }

  /** A message from one of the domain's mailboxes goes to SES now. */
  public synchronized void sent(Instant now) {
    rollOver(now);
    sentOnDay++;
  }

  /** {@code now} while the cap leaves room, else the start of the domain's next day. */
  public synchronized Instant nextSendAt(Instant now) {
    rollOver(now);
    return sentOnDay < limits.dailyCap() ? now : day.plusDays(1).atStartOfDay(zone).toInstant();
  }

  private void rollOver(Instant now) {
    LocalDate today = today(now);
    if (!today.equals(day)) {
      day = today;
      sentOnDay = 0;
    }
  }

  private LocalDate today(Instant now) {
    return CapDay.of(limits.day(), zone, now);
  }
}
