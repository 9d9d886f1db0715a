package io.isolane.sending;

import io.isolane.contracts.events.MailboxLimits;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One mailbox's limits from warm-up and what it has sent against them: the daily cap (per calendar
 * day in the mailbox's time zone, see {@link CapDay}; the latest limits stay in force until
 * replaced), the minimum spacing plus jitter between two sends, the sending window and the hourly
 * cap per recipient domain. Used on the scheduler's thread only.
 */
public final class MailboxPace {
  private static final Duration HOUR = Duration.ofHours(1);

  private MailboxLimits limits;
  private ZoneId zone;
  private final CapDay count;
  private Instant nextAt;
  private final Map<String, Deque<Instant>> lastHour = new HashMap<>();

  /**
   * @param limits the mailbox's limits
   * @param sentToday what it sent so far today (from the ledger)
   * @param lastSentAt its last send, or null
   * @param recentByDomain its sends of the last hour per recipient domain
   */
  public MailboxPace(
      MailboxLimits limits,
      int sentToday,
      Instant lastSentAt,
      Map<String, ? extends Iterable<Instant>> recentByDomain,
      Instant now) {
    limits(limits);
    this.count = new CapDay(limits.day(), zone, now, sentToday);
    this.nextAt = lastSentAt == null ? null : lastSentAt.plusSeconds(limits.minSpacingSeconds());
    recentByDomain.forEach((domain, times) -> times.forEach(t -> recent(domain).add(t)));
  }

  /** Newer limits; what was sent still counts. */
  public synchronized void limits(MailboxLimits limits) {
    this.limits = limits;
    this.zone = limits.window() == null ? ZoneOffset.UTC : ZoneId.of(limits.window().timeZone());
  }

  /** The start of the calendar day the daily cap counts, for {@code now}. */
  public static Instant dayStart(MailboxLimits limits, Instant now) {
    ZoneId zone = limits.window() == null ? ZoneOffset.UTC : ZoneId.of(limits.window().timeZone());
    return now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
  }

  /** How many messages the mailbox may send now (0: not now). */
  public synchronized int allowance(Instant now) {
    int sentOnDay = sentToday(now);
    if (!inWindow(now)
        || sentOnDay >= limits.dailyCap()
        || (nextAt != null && now.isBefore(nextAt))) {
      return 0;
    }
    boolean spaced = limits.minSpacingSeconds() > 0 || limits.jitterSeconds() > 0;
    return spaced ? 1 : limits.dailyCap() - sentOnDay;
  }

  /** When the mailbox's next send may go at the earliest, or null when today's cap is used up. */
  public synchronized Instant nextSendAt(Instant now) {
    Instant at = nextAt == null || nextAt.isBefore(now) ? now : nextAt;
    if (sentToday(now) >= limits.dailyCap()) {
      at = count.day().plusDays(1).atStartOfDay(zone).toInstant();
    }
    return windowOpensAt(at);
  }

  /**
   * When a message to {@code domain} may go, if the hourly cap for that domain is reached now; null
   * when it may go now.
   */
  public synchronized Instant domainCappedUntil(String domain, Instant now) {
    Integer cap = limits.recipientDomainHourlyCap();
    if (cap == null || domain == null) {
      return null;
    }
    Deque<Instant> sent = recent(domain);
    while (!sent.isEmpty() && !sent.peekFirst().isAfter(now.minus(HOUR))) {
      sent.pollFirst();
    }
    return sent.size() < cap ? null : sent.peekFirst().plus(HOUR);
  }

  /** A send of the mailbox to {@code domain} at {@code now}. */
  public synchronized void sent(String domain, Instant now, RandomGenerator random) {
    count.add(limits.day(), zone, now);
    int jitter = limits.jitterSeconds() > 0 ? random.nextInt(limits.jitterSeconds() * 1000 + 1) : 0;
    nextAt = now.plusSeconds(limits.minSpacingSeconds()).plusMillis(jitter);
    if (limits.recipientDomainHourlyCap() != null && domain != null) {
      recent(domain).addLast(now);
    }
  }

  private Deque<Instant> recent(String domain) {
    return lastHour.computeIfAbsent(domain, d -> new ArrayDeque<>());
  }

  private int sentToday(Instant now) {
    return count.sent(limits.day(), zone, now);
  }

  private boolean inWindow(Instant now) {
    MailboxLimits.SendingWindow w = limits.window();
    if (w == null) {
      return true;
    }
    ZonedDateTime local = now.atZone(zone);
    int hour = local.getHour();
    return w.days().contains(local.getDayOfWeek().getValue())
        && hour >= w.startHour()
        && hour < w.endHour();
  }

  /** The first instant at or after {@code at} inside the window (a week ahead at most). */
  private Instant windowOpensAt(Instant at) {
    if (limits.window() == null || inWindow(at)) {
      return at;
    }
    ZonedDateTime hour = at.atZone(zone).truncatedTo(ChronoUnit.HOURS);
    for (int i = 1; i <= 24 * 8; i++) {
      ZonedDateTime candidate = hour.plusHours(i);
      if (inWindow(candidate.toInstant())) {
        return candidate.toInstant();
      }
    }
    return null; // a window without a single open hour
  }
}
