package io.isolane.sending.repository;

import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.events.Stream;
import io.isolane.servicekit.outbox.OutboxRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Cancels a tenant's message that was not sent yet, with its {@code cancelled} event in the same
 * transaction. A message the API produced but the consumer has not stored yet is cancelled by
 * storing it CANCELLED under its (tenant, message id): intake stores each id once, so when the
 * record arrives it finds the id taken and drops it. Whichever of the two inserts commits second
 * sees the first: the consumer's insert fails on the unique key and is retried (then skips), and
 * ours does nothing, so the ledger row is then cancelled by the update like any queued message.
 */
@ApplicationScoped
public class Cancellations {
  private static final String CANCEL =
      "UPDATE message SET status = 'CANCELLED', status_reason = $3, updated_at = now()"
          + " WHERE tenant_id = $1 AND message_id = $2 AND status IN ('ACCEPTED', 'AWAITING_TENANT')"
          + " RETURNING request";
  private static final String STATUS =
      "SELECT status FROM message WHERE tenant_id = $1 AND message_id = $2";
  private static final String SUBMITTED =
      "SELECT request FROM api_submission WHERE tenant_id = $1 AND message_id = $2";
  private static final String TOMBSTONE =
      "INSERT INTO message (tenant_id, message_id, mailbox, stream, status, status_reason,"
          + " request, received_at, updated_at, priority, not_before, expires_at)"
          + " VALUES ($1, $2, lower($3), $4, 'CANCELLED', $5, $6, now(), now(), $7, $8, $9)"
          + " ON CONFLICT (tenant_id, message_id) DO NOTHING RETURNING id";

  private final Pool pool;

  public Cancellations(Pool pool) {
    this.pool = pool;
  }

  /**
   * What a cancel found.
   *
   * @param status the message's status after the attempt (null when the tenant has no such id)
   * @param cancelled whether this call cancelled it
   */
  public record Result(String status, boolean cancelled) {}

  /** Cancels the message if it was not sent yet; {@code event} is its cancelled event. */
  public Uni<Result> cancel(
      String tenantId, String messageId, String reason, Function<SendRequest, OutboxRow> event) {
    return pool.withTransaction(tx -> attempt(tx, tenantId, messageId, reason, event, true));
  }

  private Uni<Result> attempt(
      SqlClient tx,
      String tenantId,
      String messageId,
      String reason,
      Function<SendRequest, OutboxRow> event,
      boolean mayStore) {
    return tx.preparedQuery(CANCEL)
        .execute(Tuple.of(tenantId, messageId, reason))
        .flatMap(
            rows -> {
              if (rows.size() == 1) {
                SendRequest request = SubmissionStore.read(rows.iterator().next().getString(0));
                return cancelled(tx, event.apply(request));
              }
              return tx.preparedQuery(STATUS)
                  .execute(Tuple.of(tenantId, messageId))
                  .flatMap(
                      found -> {
                        if (found.size() == 1) {
                          return Uni.createFrom()
                              .item(new Result(found.iterator().next().getString(0), false));
                        }
                        return mayStore
                            ? beforeIntake(tx, tenantId, messageId, reason, event)
                            : Uni.createFrom().item(new Result(null, false));
                      });
            });
  }

  /** The message is not in the ledger: cancel it there now if the API produced it. */
  private Uni<Result> beforeIntake(
      SqlClient tx,
      String tenantId,
      String messageId,
      String reason,
      Function<SendRequest, OutboxRow> event) {
    return tx.preparedQuery(SUBMITTED)
        .execute(Tuple.of(tenantId, messageId))
        .flatMap(
            rows -> {
              if (rows.size() == 0) {
                return Uni.createFrom().item(new Result(null, false));
              }
              SendRequest r = SubmissionStore.read(rows.iterator().next().getString(0));
              return tx.preparedQuery(TOMBSTONE)
                  .execute(tombstone(r, reason))
                  .flatMap(
                      inserted ->
                          inserted.size() == 1
                              ? cancelled(tx, event.apply(r))
                              // the consumer stored it meanwhile: cancel that row instead
                              : attempt(tx, tenantId, messageId, reason, event, false));
            });
  }

  private static Tuple tombstone(SendRequest r, String reason) {
    return Tuple.from(
        Arrays.asList(
            r.tenantId(),
            r.messageId(),
            r.mailbox(),
            r.stream().name(),
            reason,
            SubmissionStore.write(r),
            (short) (r.stream() == Stream.TRANSACTIONAL ? 0 : 1),
            r.notBefore() == null ? null : r.notBefore().atOffset(ZoneOffset.UTC),
            r.expiresAt() == null ? null : r.expiresAt().atOffset(ZoneOffset.UTC)));
  }

  private static Uni<Result> cancelled(SqlClient tx, OutboxRow event) {
    return tx.preparedQuery(OutboxRow.INSERT)
        .execute(Tuple.from(Arrays.asList(event.values())))
        .replaceWith(new Result("CANCELLED", true));
  }
}
