package io.isolane.sending.service;

import io.isolane.contracts.events.DomainLimits;
import io.isolane.sending.DomainPace;
import io.isolane.sending.repository.DomainLimitRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The scheduler's view of domain limits from warm-up: how many more messages the mailboxes of one
 * sending (From) domain may send today, together. A domain without limits is not capped. A domain
 * whose limits arrived but whose sends so far are still being counted from the ledger sends nothing
 * yet.
 */
@ApplicationScoped
public class DomainPacing {
  private static final Logger LOG = Logger.getLogger(DomainPacing.class);

  private final DomainLimitRepository repository;
  private final Map<String, DomainLimits> limits = new ConcurrentHashMap<>();
  private final Map<String, DomainPace> paces = new ConcurrentHashMap<>();
  private final Set<String> counting = ConcurrentHashMap.newKeySet();
  private volatile boolean stale = true;
  private volatile long refreshedAt;

  public DomainPacing(DomainLimitRepository repository) {
    this.repository = repository;
  }

  /** New limits were stored: they apply at once (and are re-read on the next refresh). */
  void received(DomainLimits l) {
    DomainLimits known = limits.get(key(l.tenantId(), l.domain()));
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

  private void apply(DomainLimits l, Instant now) {
    String key = key(l.tenantId(), l.domain());
    limits.put(key, l);
    DomainPace pace = paces.get(key);
    if (pace != null) {
      pace.limits(l);
    } else if (counting.add(key)) {
      String domain = l.domain().toLowerCase(Locale.ROOT);
      repository
          .sentSince(l.tenantId(), domain, DomainPace.dayStart(l, now))
          .subscribe()
          .with(
              sent -> {
                paces.put(key, new DomainPace(limits.get(key), sent, now));
                counting.remove(key);
              },
              e -> {
                counting.remove(key); // counted again on the next refresh
                stale = true;
                LOG.warnf("counting what %s sent failed: %s", key, e.toString());
              });
    }
  }

  /**
   * How many more messages the mailbox's domain may send now; uncapped domains answer {@code max}.
   */
  int allowance(String tenantId, String mailbox, Instant now, int max) {
    String key = key(tenantId, domainOf(mailbox));
    if (!limits.containsKey(key)) {
      return max;
    }
    DomainPace pace = paces.get(key);
    return pace == null ? 0 : Math.min(max, pace.allowance(now));
  }

  /** A message of the mailbox goes to SES now: it counts against its domain's cap. */
  void sent(String tenantId, String mailbox, Instant now) {
    DomainPace pace = paces.get(key(tenantId, domainOf(mailbox)));
    if (pace != null) {
      pace.sent(now);
    }
  }

  /** When the mailbox's domain lets it send next: {@code now} for an uncapped domain. */
  Instant nextSendAt(String tenantId, String mailbox, Instant now) {
    DomainPace pace = paces.get(key(tenantId, domainOf(mailbox)));
    return pace == null ? now : pace.nextSendAt(now);
  }

  /** The sending domain of a mailbox, lower case. */
  static String domainOf(String mailbox) {
    return mailbox.substring(mailbox.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
  }

  private static String key(String tenantId, String domain) {
    return tenantId + "/" + domain.toLowerCase(Locale.ROOT);
  }
}
