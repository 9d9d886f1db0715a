package io.isolane.sending.repository;

import io.isolane.contracts.events.SendRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Read-only views of a tenant's messages for the API; every query is scoped by the tenant. */
@ApplicationScoped
public class MessageViews {
  private static final String MESSAGE =
      "SELECT mailbox, stream, status, status_reason, ses_message_id, received_at, not_before,"
          + " expires_at, sent_at FROM message WHERE tenant_id = $1 AND message_id = $2";
  private static final String HISTORY =
      "SELECT status, status_reason, ses_message_id, changed_at FROM message_history"
          + " WHERE tenant_id = $1 AND message_id = $2 ORDER BY id";
  private static final String SUBMISSION =
      "SELECT state, request, created_at, submitted_at FROM api_submission"
          + " WHERE tenant_id = $1 AND message_id = $2";
  // Queued mail is counted from the indexes (message_queue, message_queue_dated), never from the
  // rows: with a million queued that took a second. Priority 0 is the transactional stream; the
  // oldest is the receive time of the first queued message (ids follow intake order).
  private static final String BACKLOG =
      "WITH q AS (SELECT mailbox, priority, count(*) AS n, min(id) AS first_id FROM message"
          + " WHERE tenant_id = $1 AND status = 'ACCEPTED' GROUP BY mailbox, priority),"
          + " d AS (SELECT mailbox, priority, count(*) AS dated, min(not_before) AS earliest"
          + " FROM message WHERE tenant_id = $1 AND status = 'ACCEPTED' AND not_before IS NOT NULL"
          + " GROUP BY mailbox, priority)"
          + " SELECT CASE q.priority WHEN 0 THEN 'TRANSACTIONAL' ELSE 'MARKETING' END AS stream,"
          + " q.mailbox, 'ACCEPTED' AS status, q.n,"
          + " (SELECT received_at FROM message WHERE id = q.first_id) AS oldest,"
          + " d.earliest, q.n > coalesce(d.dated, 0) AS undated"
          + " FROM q LEFT JOIN d ON d.mailbox = q.mailbox AND d.priority = q.priority"
          + " UNION ALL SELECT stream, mailbox, status, count(*), min(received_at),"
          + " min(not_before), bool_or(not_before IS NULL) FROM message"
          + " WHERE tenant_id = $1 AND status = 'AWAITING_TENANT' GROUP BY stream, mailbox, status";

  private static final String SNAPSHOT =
      "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";
  private static final String ARRIVING =
      "SELECT coalesce(sum(record_count), 0) FROM intake_spill WHERE tenant_id = $1";

  /**
   * A tenant's queue.
   *
   * @param backlog queued messages per stream, mailbox and status
   * @param arriving requests parked in a burst, not yet in the ledger
   */
  public record Queue(List<Backlog> backlog, long arriving) {}

  private final Pool pool;

  public MessageViews(Pool pool) {
    this.pool = pool;
  }

  /** A message as the ledger holds it. */
  public record Stored(
      String mailbox,
      String stream,
      String status,
      String statusReason,
      String sesMessageId,
      Instant receivedAt,
      Instant notBefore,
      Instant expiresAt,
      Instant sentAt) {}

  /** One status change. */
  public record Change(String status, String reason, String sesMessageId, Instant at) {}

  /** What the API submitted for the message. */
  public record Submission(
      String state, SendRequest request, Instant createdAt, Instant submittedAt) {}

  /** One group of queued messages: a stream, mailbox and status. */
  public record Backlog(
      String stream,
      String mailbox,
      String status,
      long count,
      Instant oldest,
      Instant earliestNotBefore,
      boolean anyUndated) {}

  public Uni<Optional<Stored>> message(String tenantId, String messageId) {
    return pool.preparedQuery(MESSAGE)
        .execute(Tuple.of(tenantId, messageId))
        .map(
            rows ->
                rows.size() == 0 ? Optional.empty() : Optional.of(stored(rows.iterator().next())));
  }

  public Uni<List<Change>> history(String tenantId, String messageId) {
    return pool.preparedQuery(HISTORY)
        .execute(Tuple.of(tenantId, messageId))
        .map(
            rows -> {
              List<Change> out = new ArrayList<>();
              for (Row r : rows) {
                out.add(
                    new Change(
                        r.getString("status"),
                        r.getString("status_reason"),
                        r.getString("ses_message_id"),
                        instant(r.getOffsetDateTime("changed_at"))));
              }
              return out;
            });
  }

  public Uni<Optional<Submission>> submission(String tenantId, String messageId) {
    return pool.preparedQuery(SUBMISSION)
        .execute(Tuple.of(tenantId, messageId))
        .map(
            rows -> {
              if (rows.size() == 0) {
                return Optional.empty();
              }
              Row r = rows.iterator().next();
              return Optional.of(
                  new Submission(
                      r.getString("state"),
                      SubmissionStore.read(r.getString("request")),
                      instant(r.getOffsetDateTime("created_at")),
                      instant(r.getOffsetDateTime("submitted_at"))));
            });
  }

  /**
   * The tenant's queue: its queued messages and its parked requests, read in one snapshot, so a
   * parked row taken in meanwhile is counted once.
   */
  public Uni<Queue> queue(String tenantId) {
    return pool.withTransaction(
        tx ->
            tx.query(SNAPSHOT)
                .execute()
                .chain(() -> backlog(tx, tenantId))
                .chain(rows -> arriving(tx, tenantId).map(n -> new Queue(rows, n))));
  }

  private static Uni<Long> arriving(SqlClient tx, String tenantId) {
    return tx.preparedQuery(ARRIVING)
        .execute(Tuple.of(tenantId))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  private static Uni<List<Backlog>> backlog(SqlClient tx, String tenantId) {
    return tx.preparedQuery(BACKLOG)
        .execute(Tuple.of(tenantId))
        .map(
            rows -> {
              List<Backlog> out = new ArrayList<>();
              for (Row r : rows) {
                out.add(
                    new Backlog(
                        r.getString("stream"),
                        r.getString("mailbox"),
                        r.getString("status"),
                        r.getLong("n"),
                        instant(r.getOffsetDateTime("oldest")),
                        instant(r.getOffsetDateTime("earliest")),
                        r.getBoolean("undated")));
              }
              return out;
            });
  }

  private static Stored stored(Row r) {
    return new Stored(
        r.getString("mailbox"),
        r.getString("stream"),
        r.getString("status"),
        r.getString("status_reason"),
        r.getString("ses_message_id"),
        instant(r.getOffsetDateTime("received_at")),
        instant(r.getOffsetDateTime("not_before")),
        instant(r.getOffsetDateTime("expires_at")),
        instant(r.getOffsetDateTime("sent_at")));
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
