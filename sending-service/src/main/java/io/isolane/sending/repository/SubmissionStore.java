package io.isolane.sending.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.isolane.contracts.ContractJson;
import io.isolane.contracts.events.SendRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the API submitted, per tenant: each message it produced (PENDING until the broker acked,
 * then SUBMITTED) and each Idempotency-Key with the message ids it was given.
 */
@ApplicationScoped
public class SubmissionStore {
  private static final String FIND_KEY =
      "SELECT fingerprint, batch, message_ids FROM api_idempotency"
          + " WHERE tenant_id = $1 AND idempotency_key = $2";
  private static final String INSERT_KEY =
      "INSERT INTO api_idempotency"
          + " (tenant_id, idempotency_key, fingerprint, batch, message_ids, created_at)"
          + " VALUES ($1, $2, $3, $4, $5, now()) ON CONFLICT DO NOTHING RETURNING tenant_id";
  private static final String INSERT =
      "INSERT INTO api_submission (tenant_id, message_id, state, request, created_at)"
          + " VALUES ($1, $2, 'PENDING', $3, now())";
  private static final String PENDING =
      "SELECT request FROM api_submission"
          + " WHERE tenant_id = $1 AND message_id = ANY($2) AND state = 'PENDING'";
  private static final String MARK =
      "UPDATE api_submission SET state = 'SUBMITTED', submitted_at = now()"
          + " WHERE tenant_id = $1 AND message_id = ANY($2) AND state = 'PENDING'";
  private static final String STATUSES =
      "SELECT s.message_id, s.state, m.status FROM api_submission s LEFT JOIN message m"
          + " ON m.tenant_id = s.tenant_id AND m.message_id = s.message_id"
          + " WHERE s.tenant_id = $1 AND s.message_id = ANY($2)";

  private final Pool pool;

  public SubmissionStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * An Idempotency-Key already used by the tenant.
   *
   * @param fingerprint the first request's fingerprint
   * @param batch whether the first request was a batch
   * @param messageIds the ids it was given, in order
   */
  public record UsedKey(String fingerprint, boolean batch, List<String> messageIds) {}

  public Uni<Optional<UsedKey>> findKey(String tenantId, String key) {
    return pool.preparedQuery(FIND_KEY)
        .execute(Tuple.of(tenantId, key))
        .map(
            rows ->
                rows.size() == 0 ? Optional.empty() : Optional.of(usedKey(rows.iterator().next())));
  }

  /**
   * Stores the requests as PENDING, with the key if one is given, in one transaction. Returns the
   * key's earlier use instead (storing nothing) when a concurrent request took the key first.
   */
  public Uni<Optional<UsedKey>> store(
      String tenantId, String key, String fingerprint, boolean batch, List<SendRequest> requests) {
    String[] ids = requests.stream().map(SendRequest::messageId).toArray(String[]::new);
    return pool.withTransaction(
        tx -> {
          if (key == null) {
            return insert(tx, tenantId, requests).replaceWith(Optional.<UsedKey>empty());
          }
          return tx.preparedQuery(INSERT_KEY)
              .execute(Tuple.of(tenantId, key, fingerprint, batch, ids))
              .flatMap(
                  rows ->
                      rows.size() == 1
                          ? insert(tx, tenantId, requests).replaceWith(Optional.<UsedKey>empty())
                          : findKey(tenantId, key));
        });
  }

  /** The requests among {@code ids} whose produce was never acknowledged. */
  public Uni<List<SendRequest>> pending(String tenantId, List<String> ids) {
    return pool.preparedQuery(PENDING)
        .execute(Tuple.of(tenantId, ids.toArray(String[]::new)))
        .map(
            rows -> {
              List<SendRequest> out = new ArrayList<>();
              rows.forEach(r -> out.add(read(r.getString("request"))));
              return out;
            });
  }

  /** The broker acknowledged these messages. */
  public Uni<Void> submitted(String tenantId, List<String> ids) {
    return pool.preparedQuery(MARK)
        .execute(Tuple.of(tenantId, ids.toArray(String[]::new)))
        .replaceWithVoid();
  }

  /** Each message's status: its ledger status once stored, else its submission state. */
  public Uni<Map<String, String>> statuses(String tenantId, List<String> ids) {
    return pool.preparedQuery(STATUSES)
        .execute(Tuple.of(tenantId, ids.toArray(String[]::new)))
        .map(
            rows -> {
              Map<String, String> out = new HashMap<>();
              for (Row r : rows) {
                String status = r.getString("status");
                out.put(r.getString("message_id"), status != null ? status : r.getString("state"));
              }
              return out;
            });
  }

  /** Deletes keys and submission records older than {@code before}. */
  public Uni<Void> deleteBefore(Instant before) {
    Tuple cutoff = Tuple.of(before.atOffset(ZoneOffset.UTC));
    return pool.preparedQuery("DELETE FROM api_idempotency WHERE created_at < $1")
        .execute(cutoff)
        .chain(
            () ->
                pool.preparedQuery("DELETE FROM api_submission WHERE created_at < $1")
                    .execute(cutoff))
        .replaceWithVoid();
  }

  private static Uni<Void> insert(SqlClient tx, String tenantId, List<SendRequest> requests) {
    List<Tuple> rows = new ArrayList<>(requests.size());
    for (SendRequest r : requests) {
      rows.add(Tuple.of(tenantId, r.messageId(), write(r)));
    }
    return tx.preparedQuery(INSERT).executeBatch(rows).replaceWithVoid();
  }

  private static UsedKey usedKey(Row row) {
    return new UsedKey(
        row.getString("fingerprint"),
        row.getBoolean("batch"),
        List.of(row.getArrayOfStrings("message_ids")));
  }

  static SendRequest read(String json) {
    try {
      return ContractJson.mapper().readValue(json, SendRequest.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored send request is unreadable", e);
    }
  }

  static String write(SendRequest request) {
    try {
      return ContractJson.mapper().writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot store a send request", e);
    }
  }
}
