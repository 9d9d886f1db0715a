package io.isolane.sending.repository;

import io.isolane.contracts.events.DomainLimits;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The latest domain.limits per sending domain, and what the domain's mailboxes sent together. */
@ApplicationScoped
public class DomainLimitRepository {
  private static final String UPSERT =
      "INSERT INTO domain_limit (tenant_id, domain, limits, computed_at) VALUES ($1, $2, $3, $4)"
          + " ON CONFLICT (tenant_id, domain) DO UPDATE SET limits = EXCLUDED.limits,"
          + " computed_at = EXCLUDED.computed_at"
          + " WHERE domain_limit.computed_at <= EXCLUDED.computed_at";
  private static final String ALL = "SELECT limits FROM domain_limit";
  // mailboxes are stored lower case; claimed_at of a sent (or possibly sent) message is when it
  // went to SES
  private static final String SENT_SINCE =
      "SELECT count(*) FROM message WHERE tenant_id = $1 AND split_part(mailbox, '@', 2) = $2"
          + " AND claimed_at >= $3 AND status IN ('SENT', 'SENDING', 'IN_DOUBT')";

  private final Pool pool;

  public DomainLimitRepository(Pool pool) {
    this.pool = pool;
  }

  /** Stores the limits unless newer ones are stored already. */
  public Uni<Void> upsert(DomainLimits limits) {
    return pool.preparedQuery(UPSERT)
        .execute(
            Tuple.of(
                limits.tenantId(),
                limits.domain().toLowerCase(Locale.ROOT),
                StoredJson.write(limits),
                limits.computedAt().atOffset(ZoneOffset.UTC)))
        .replaceWithVoid();
  }

  public Uni<List<DomainLimits>> all() {
    return pool.query(ALL)
        .execute()
        .map(
            rows -> {
              List<DomainLimits> out = new ArrayList<>(rows.size());
              rows.forEach(r -> out.add(StoredJson.read(r.getString(0), DomainLimits.class)));
              return out;
            });
  }

  /** How many messages the tenant's mailboxes on {@code domain} sent since {@code dayStart}. */
  public Uni<Integer> sentSince(String tenantId, String domain, Instant dayStart) {
    return pool.preparedQuery(SENT_SINCE)
        .execute(Tuple.of(tenantId, domain, dayStart.atOffset(ZoneOffset.UTC)))
        .map(rows -> rows.iterator().next().getLong(0).intValue());
  }
}
