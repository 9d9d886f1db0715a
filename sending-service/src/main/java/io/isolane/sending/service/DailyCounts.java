package io.isolane.sending.service;

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
 * once a day (and at start), then counted as the scheduler claims.
 */
@ApplicationScoped
public class DailyCounts {
  private final Ledger ledger;
  private volatile Today today;

  public DailyCounts(Ledger ledger) {
    this.ledger = ledger;
  }

  /** Today's counts. */
  static final class Today {
    private final LocalDate day;
    private final Map<String, Long> counts;

    Today(LocalDate day, Map<String, Long> counts) {
      this.day = day;
      this.counts = new ConcurrentHashMap<>(counts);
    }

    long of(String tenantId) {
      return counts.getOrDefault(tenantId, 0L);
    }
  }

  Uni<Today> today() {
    LocalDate now = LocalDate.now(ZoneOffset.UTC);
    Today current = today;
    if (current != null && current.day.equals(now)) {
      return Uni.createFrom().item(current);
    }
    Instant midnight = now.atStartOfDay(ZoneOffset.UTC).toInstant();
    return ledger
        .claimedSince(midnight)
        .map(
            counts -> {
              today = new Today(now, counts);
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
