package io.isolane.sending.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Deletes terminal ledger rows past their retention, with their history, a bounded batch per
 * statement. Queued and active messages (ACCEPTED, AWAITING_TENANT, SENDING) are never touched.
 */
@ApplicationScoped
public class LedgerRetention {
  /** The terminal states; the same list as the partial index message_terminal_age (V7). */
  static final String TERMINAL =
      "('SENT', 'SUPPRESSED', 'CANCELLED', 'EXPIRED', 'FAILED', 'IN_DOUBT')";

  // One statement is one transaction: the messages and their history go together or not at all.
  // The oldest first, through the partial index; locked rows (being updated) are left for later,
  // and the lock re-checks status and age on the row's newest version.
  private static final String PURGE =
      "WITH doomed AS (SELECT id FROM message WHERE status IN "
          + TERMINAL
          + " AND updated_at < $1 ORDER BY updated_at LIMIT $2 FOR UPDATE SKIP LOCKED),"
          + " gone AS (DELETE FROM message m USING doomed d WHERE m.id = d.id"
          + " RETURNING m.tenant_id, m.message_id),"
          + " history AS (DELETE FROM message_history h USING gone g"
          + " WHERE h.tenant_id = g.tenant_id AND h.message_id = g.message_id RETURNING 1)"
          + " SELECT (SELECT count(*) FROM gone) AS messages,"
          + " (SELECT count(*) FROM history) AS history";

  /**
   * What one batch deleted.
   *
   * @param messages ledger rows
   * @param history their message_history rows
   */
  public record Purged(long messages, long history) {
    public Purged plus(Purged other) {
      return new Purged(messages + other.messages, history + other.history);
    }
  }

  private final Pool pool;

  public LedgerRetention(Pool pool) {
    this.pool = pool;
  }

  /** Deletes up to {@code limit} terminal messages last updated before {@code before}. */
  public Uni<Purged> purge(Instant before, int limit) {
    return pool.preparedQuery(PURGE)
        .execute(Tuple.of(before.atOffset(ZoneOffset.UTC), limit))
        .map(
            rows -> {
              Row r = rows.iterator().next();
              return new Purged(r.getLong("messages"), r.getLong("history"));
            });
  }
}
