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
import java.util.function.Function;

/**
 * Writes of many events per statement, in the caller's transaction, for the hot paths (the SNS
 * group commit and the email.events consumer): dedup marks, outbox rows, lasting suppressions and
 * ended soft-bounce streaks.
 */
@ApplicationScoped
public class BatchWrites {
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

  private static final String END_STREAKS =
      "DELETE FROM soft_bounce_streak WHERE (tenant_id, address) IN"
          + " (SELECT * FROM unnest($1::varchar[], $2::varchar[]))";

  /** A suppression for good: (tenant, address) must be unique within one call. */
  public record LastingSuppression(
      String tenantId, String address, SuppressionReason reason, String sourceEventId) {}

  /**
   * Marks each item's id as processed (ids prefixed with {@code prefix}) and returns the items seen
   * for the first time, in order: the first of each id only, as one poll may hold an id twice.
   */
  public <T> Uni<List<T>> firstTimes(
      SqlConnection c,
      List<T> items,
      String prefix,
      Function<T, String> id,
      Function<T, String> tenant,
      Instant at) {
    int n = items.size();
    String[] ids = new String[n];
    String[] tenants = new String[n];
    OffsetDateTime[] times = new OffsetDateTime[n];
    for (int i = 0; i < n; i++) {
      ids[i] = prefix + id.apply(items.get(i));
      tenants[i] = tenant.apply(items.get(i));
      times[i] = at.atOffset(ZoneOffset.UTC);
    }
    return c.preparedQuery(MARK)
        .execute(Tuple.of(ids, tenants, times))
        .map(
            rows -> {
              Set<String> fresh = new HashSet<>();
              for (Row r : rows) {
                fresh.add(r.getString(0));
              }
              List<T> firsts = new ArrayList<>();
              for (int i = 0; i < n; i++) {
                if (fresh.remove(ids[i])) {
                  firsts.add(items.get(i));
                }
              }
              return firsts;
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

  /** Ends the soft-bounce streaks of these (tenant, lower-case address) pairs: they delivered. */
  public Uni<Void> endStreaks(SqlConnection c, List<String> tenants, List<String> addresses) {
    return tenants.isEmpty()
        ? Uni.createFrom().voidItem()
        : c.preparedQuery(END_STREAKS)
            .execute(Tuple.of(tenants.toArray(String[]::new), addresses.toArray(String[]::new)))
            .replaceWithVoid();
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
