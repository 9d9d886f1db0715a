package io.isolane.feedback.repository;

import io.isolane.contracts.events.SuppressionReason;
import io.isolane.servicekit.outbox.OutboxRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The SNS intake's writes, a batch of notifications per statement, in the caller's transaction:
 * dedup marks, outbox rows and lasting suppressions.
 */
@ApplicationScoped
public class IntakeRepository {
  private static final String MARK =
      "INSERT INTO processed_event (event_id, tenant_id, processed_at)"
          + " SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::timestamptz[])"
          + " ON CONFLICT (event_id) DO NOTHING RETURNING event_id";

  // a lasting suppression replaces a temporary one and leaves a lasting one alone
  private static final String SUPPRESS =
      "INSERT INTO suppression (tenant_id, address, reason, source_event_id, suppressed_at)"
          + " SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[],"
          + " $5::timestamptz[])"
          + " ON CONFLICT (tenant_id, address) DO UPDATE SET reason = EXCLUDED.reason,"
          + " source_event_id = EXCLUDED.source_event_id,"
          + " suppressed_at = EXCLUDED.suppressed_at, expires_at = NULL"
          + " WHERE suppression.expires_at IS NOT NULL"
          + " RETURNING tenant_id, address, reason, source_event_id";

  /** A suppression for good: (tenant, address) must be unique within one call. */
  public record LastingSuppression(
      String tenantId, String address, SuppressionReason reason, String sourceEventId) {}

  /** Marks the ids as processed; returns those that were not already. */
  public Uni<Set<String>> markFirstTime(
      SqlConnection c, List<String> ids, List<String> tenants, Instant at) {
    OffsetDateTime[] times = new OffsetDateTime[ids.size()];
    Arrays.fill(times, at.atOffset(ZoneOffset.UTC));
    return c.preparedQuery(MARK)
        .execute(Tuple.of(ids.toArray(String[]::new), tenants.toArray(String[]::new), times))
        .map(
            rows -> {
              Set<String> fresh = new HashSet<>();
              for (Row r : rows) {
                fresh.add(r.getString(0));
              }
              return fresh;
            });
  }

  /** Suppresses for good; returns the suppressions that changed something. */
  public Uni<List<LastingSuppression>> suppress(
      SqlConnection c, List<LastingSuppression> wanted, Instant at) {
    if (wanted.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    int n = wanted.size();
    String[] tenants = new String[n];
    String[] addresses = new String[n];
    String[] reasons = new String[n];
    String[] sources = new String[n];
    OffsetDateTime[] times = new OffsetDateTime[n];
    for (int i = 0; i < n; i++) {
      LastingSuppression s = wanted.get(i);
      tenants[i] = s.tenantId();
      addresses[i] = s.address();
      reasons[i] = s.reason().name();
      sources[i] = s.sourceEventId();
      times[i] = at.atOffset(ZoneOffset.UTC);
    }
    return c.preparedQuery(SUPPRESS)
        .execute(Tuple.of(tenants, addresses, reasons, sources, times))
        .map(
            rows -> {
              List<LastingSuppression> changed = new ArrayList<>();
              for (Row r : rows) {
                changed.add(
                    new LastingSuppression(
                        r.getString(0),
                        r.getString(1),
                        SuppressionReason.valueOf(r.getString(2)),
                        r.getString(3)));
              }
              return changed;
            });
  }

  /** Queues the rows for the relay. */
  public Uni<Void> outbox(SqlConnection c, List<OutboxRow> rows) {
    return rows.isEmpty()
        ? Uni.createFrom().voidItem()
        : c.preparedQuery(OutboxRow.INSERT_ALL)
            .execute(Tuple.from(Arrays.asList(OutboxRow.columns(rows))))
            .replaceWithVoid();
  }
}
