package io.isolane.sending.repository;

import io.isolane.contracts.events.Suppression;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Each tenant's suppressed recipients, a local view of the compacted suppressions topic. */
@ApplicationScoped
public class SuppressionRepository {
  private static final String UPSERT =
      "INSERT INTO suppression (tenant_id, address, suppressed, reason, expires_at, changed_at)"
          + " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (tenant_id, address) DO UPDATE SET"
          + " suppressed = EXCLUDED.suppressed, reason = EXCLUDED.reason,"
          + " expires_at = EXCLUDED.expires_at, changed_at = EXCLUDED.changed_at"
          + " WHERE suppression.changed_at <= EXCLUDED.changed_at";
  private static final String AMONG =
      "SELECT s.tenant_id, s.address FROM unnest($1::text[], $2::text[]) AS c(tenant_id, address)"
          + " JOIN suppression s ON s.tenant_id = c.tenant_id AND s.address = c.address"
          + " WHERE s.suppressed AND (s.expires_at IS NULL OR s.expires_at > now())";

  private final Pool pool;

  public SuppressionRepository(Pool pool) {
    this.pool = pool;
  }

  /** Applies a suppression change unless a newer one for the address is stored already. */
  public Uni<Void> upsert(Suppression s) {
    return pool.preparedQuery(UPSERT)
        .execute(
            Tuple.from(
                java.util.Arrays.asList(
                    s.tenantId(),
                    s.address().toLowerCase(),
                    s.suppressed(),
                    s.reason() == null ? null : s.reason().name(),
                    s.expiresAt() == null ? null : s.expiresAt().atOffset(ZoneOffset.UTC),
                    s.changedAt().atOffset(ZoneOffset.UTC))))
        .replaceWithVoid();
  }

  /** Which of the (tenant, address) pairs are suppressed now, as {@code tenant/address}. */
  public Uni<Set<String>> suppressedAmong(List<String> tenants, List<String> addresses) {
    if (tenants.isEmpty()) {
      return Uni.createFrom().item(Set.of());
    }
    return pool.preparedQuery(AMONG)
        .execute(Tuple.of(tenants.toArray(String[]::new), addresses.toArray(String[]::new)))
        .map(
            rows -> {
              Set<String> out = new HashSet<>();
              rows.forEach(r -> out.add(r.getString(0) + "/" + r.getString(1)));
              return out;
            });
  }
}
