package io.isolane.sending.service;

import io.isolane.sending.messaging.OwnedPartitions;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Limits from warm-up (per mailbox or per sending domain) and, per limited sender, its pace: what
 * it sent against them. Limits apply as soon as they are stored and are re-read in full now and
 * then; a sender's pace starts from what the ledger says it sent that day, so a restart does not
 * reset it, and is counted again when the partitions owned change, so a tenant moving between
 * instances does not either. A sender whose limits arrived but whose sends are still being counted
 * sends nothing.
 *
 * @param <L> the limits record
 * @param <P> the pace
 */
abstract class Paces<L, P> {
  private static final Logger LOG = Logger.getLogger(Paces.class);

  private final Map<String, L> limits = new ConcurrentHashMap<>();
  private final Map<String, P> paces = new ConcurrentHashMap<>();
  private final Set<String> counting = ConcurrentHashMap.newKeySet();
  private volatile boolean stale = true;
  private volatile long refreshedAt;
  private volatile long ownership;

  /** The partitions this instance owns (a subclass holds them: CDI proxies need no-args here). */
  abstract OwnedPartitions owned();

  /** The key ({@code tenant/sender}, lower case) of the limits. */
  abstract String keyOf(L l);

  abstract Instant computedAt(L l);

  /** Every stored limits record. */
  abstract Uni<List<L>> stored();

  /** A pace for {@code l}, counting what the sender sent so far today from the ledger. */
  abstract Uni<P> counted(L l, Instant now);

  /** Newer limits for a pace. */
  abstract void update(P pace, L l);

  /** New limits were stored: they apply at once (and are re-read on the next refresh). */
  void received(L l) {
    L known = limits.get(keyOf(l));
    if (known == null || !computedAt(l).isBefore(computedAt(known))) {
      apply(l, Instant.now());
    }
    stale = true;
  }

  /** Re-reads the limits when told to or when older than {@code refreshNanos}. */
  Uni<Void> refresh(long nowNanos, long refreshNanos) {
    long generation = owned().generation();
    if (generation != ownership) {
      // a tenant that moved here brings what its previous owner sent: count again, as at start
      ownership = generation;
      paces.clear();
      stale = true;
    }
    if (!stale && nowNanos - refreshedAt < refreshNanos) {
      return Uni.createFrom().voidItem();
    }
    stale = false;
    refreshedAt = nowNanos;
    return stored().invoke(all -> all.forEach(l -> apply(l, Instant.now()))).replaceWithVoid();
  }

  /** Whether the sender has limits. */
  boolean limited(String key) {
    return limits.containsKey(key);
  }

  /** The sender's pace, or null (no limits, or its sends are still being counted). */
  P pace(String key) {
    return paces.get(key);
  }

  private void apply(L l, Instant now) {
    String key = keyOf(l);
    limits.put(key, l);
    P pace = paces.get(key);
    if (pace != null) {
      update(pace, l);
    } else if (counting.add(key)) {
      long countedIn = ownership;
      counted(l, now)
          .subscribe()
          .with(
              counted -> {
                if (countedIn == ownership) {
                  update(counted, limits.get(key)); // the latest, should newer ones have come
                  paces.put(key, counted);
                } else {
                  stale = true; // counted before the partitions changed: again
                }
                counting.remove(key);
              },
              e -> {
                counting.remove(key); // counted again on the next refresh
                stale = true;
                LOG.warnf("counting what %s sent failed: %s", key, e.toString());
              });
    }
  }
}
