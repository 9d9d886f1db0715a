package io.isolane.sending.service;

import io.isolane.contracts.events.MailboxLimits;
import io.isolane.sending.MailboxPace;
import io.isolane.sending.repository.MailboxLimitRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The scheduler's view of mailbox limits from warm-up: which mailboxes are paced and how many
 * messages each may send now. A mailbox without limits is paced only by its tenant. A mailbox whose
 * limits arrived but whose sends so far are still being counted from the ledger sends nothing yet.
 */
@ApplicationScoped
public class MailboxPacing {
  private static final Logger LOG = Logger.getLogger(MailboxPacing.class);

  private final MailboxLimitRepository repository;
  private final Map<String, MailboxLimits> limits = new ConcurrentHashMap<>();
  private final Map<String, MailboxPace> paces = new ConcurrentHashMap<>();
  private final Set<String> counting = ConcurrentHashMap.newKeySet();
  private final Random random = new Random();
  private volatile boolean stale = true;
  private volatile long refreshedAt;

  public MailboxPacing(MailboxLimitRepository repository) {
    this.repository = repository;
  }

  /** New limits were stored: they apply at once (and are re-read on the next refresh). */
  void received(MailboxLimits l) {
    MailboxLimits known = limits.get(key(l.tenantId(), l.mailbox()));
    if (known == null || !l.computedAt().isBefore(known.computedAt())) {
      apply(l, Instant.now());
    }
    stale = true;
  }

  /** Re-reads the limits when told to or when older than {@code refreshNanos}. */
  Uni<Void> refresh(long nowNanos, long refreshNanos) {
    if (!stale && nowNanos - refreshedAt < refreshNanos) {
      return Uni.createFrom().voidItem();
    }
    stale = false;
    refreshedAt = nowNanos;
    return repository
        .all()
        .invoke(all -> all.forEach(l -> apply(l, Instant.now())))
        .replaceWithVoid();
  }

  private void apply(MailboxLimits l, Instant now) {
    String key = key(l.tenantId(), l.mailbox());
    limits.put(key, l);
    MailboxPace pace = paces.get(key);
    if (pace != null) {
      pace.limits(l);
    } else if (counting.add(key)) {
      repository
          .usage(
              l.tenantId(), key.substring(key.indexOf('/') + 1), MailboxPace.dayStart(l, now), now)
          .subscribe()
          .with(
              u -> {
                paces.put(
                    key,
                    new MailboxPace(
                        limits.get(key), u.sentToday(), u.lastSentAt(), u.lastHour(), now));
                counting.remove(key);
              },
              e -> {
                counting.remove(key); // counted again on the next refresh
                stale = true;
                LOG.warnf("counting what %s sent failed: %s", key, e.toString());
              });
    }
  }

  /** How many messages the mailbox may send now; unlimited mailboxes answer {@code max}. */
  int allowance(String tenantId, String mailbox, Instant now, int max) {
    String key = key(tenantId, mailbox);
    if (!limits.containsKey(key)) {
      return max;
    }
    MailboxPace pace = paces.get(key);
    return pace == null ? 0 : Math.min(max, pace.allowance(now));
  }

  /** When a message to {@code domain} may go if the mailbox's hourly cap for it is reached. */
  Instant domainCappedUntil(String tenantId, String mailbox, String domain, Instant now) {
    MailboxPace pace = paces.get(key(tenantId, mailbox));
    return pace == null ? null : pace.domainCappedUntil(domain, now);
  }

  /** A message of the mailbox goes to SES now. */
  void sent(String tenantId, String mailbox, String domain, Instant now) {
    MailboxPace pace = paces.get(key(tenantId, mailbox));
    if (pace != null) {
      pace.sent(domain, now, random);
    }
  }

  /**
   * When the mailbox may send next at the earliest, as far as its own limits go: {@code now} for a
   * mailbox without limits, null when it cannot send within a week.
   */
  public Instant nextSendAt(String tenantId, String mailbox, Instant now) {
    String key = key(tenantId, mailbox);
    MailboxPace pace = paces.get(key);
    if (pace == null) {
      return now; // unlimited, or its sends are still being counted
    }
    return pace.nextSendAt(now);
  }

  private static String key(String tenantId, String mailbox) {
    return tenantId + "/" + mailbox.toLowerCase();
  }
}
