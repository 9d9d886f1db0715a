package io.isolane.sending.service;

import io.isolane.sending.messaging.OwnedPartitions;
import io.isolane.sending.repository.Ledger;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Messages claimed per tenant in the current UTC day, for the daily limit: read from the ledger
 * once a day, at start and whenever the partitions owned change (a tenant that moves here brings
 * what its previous owner sent), then counted as the scheduler claims.
 */
@ApplicationScoped
public class DailyCounts {
  private final Ledger ledger;
  private final OwnedPartitions owned;
  private volatile Today today;

  public DailyCounts(Ledger ledger, OwnedPartitions owned) {
    this.ledger = ledger;
    this.owned = owned;
  }

  /** Today's counts. */
  static final class Today {
    private final LocalDate day;
    private final long ownership;
    private final Map<String, Long> counts;

    Today(LocalDate day, long ownership, Map<String, Long> counts) {
      this.day = day;
      this.ownership = ownership;
      this.counts = new ConcurrentHashMap<>(counts);
    }

    long of(String tenantId) {
      return counts.getOrDefault(tenantId, 0L);
    }
  }

  Uni<Today> today() {
    LocalDate now = LocalDate.now(ZoneOffset.UTC);
    long ownership = owned.generation();
    Today current = today;
    if (current != null && current.day.equals(now) && current.ownership == ownership) {
      return Uni.createFrom().item(current);
    }
    Instant midnight = now.atStartOfDay(ZoneOffset.UTC).toInstant();
    return ledger
        .claimedSince(midnight)
        .map(
            counts -> {
              today = new Today(now, ownership, counts);
              return today;
            });
  }

  void add(String tenantId, int n) {
    Today current = today;
    if (current != null && n > 0) {
      current.counts.merge(tenantId, (long) n, Long::sum);
    }
  }
}
