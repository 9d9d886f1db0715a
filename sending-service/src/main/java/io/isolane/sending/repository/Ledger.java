package io.isolane.sending.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.isolane.contracts.ContractJson;
import io.isolane.contracts.events.SendRequest;
import io.isolane.sending.Claim;
import io.isolane.sending.Outcome;
import io.isolane.servicekit.outbox.OutboxRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The send ledger's hot path, on the reactive SQL client: claims and outcomes are batched, each in
 * one statement or transaction, with their events written to the outbox in the same transaction.
 */
@ApplicationScoped
public class Ledger {
  // Per mailbox probe[j] (tenant, mailbox), up to allowance[j] of its queued messages, then per
  // tenant[i] the first quota[i] of those: transactional first, then oldest first. A tenant lives
  // on one instance; the status re-check makes a claim during a rebalance race-free anyway.
  // The ids go through an array so the update finds each row by its primary key: as a join, the
  // planner (misled by the queue's churn) matched them against every queued row, which grew with
  // the backlog.
  private static final String CLAIM =
      "UPDATE message m SET status = 'SENDING', claimed_at = now(), attempts = m.attempts + 1,"
          + " updated_at = now() WHERE m.id = ANY(ARRAY("
          + " SELECT c.id FROM (SELECT q.id, q.tenant_id,"
          + " row_number() OVER (PARTITION BY q.tenant_id ORDER BY q.priority, q.id) AS rn"
          + " FROM unnest($3::text[], $4::text[], $5::int[]) AS b(tenant_id, mailbox, allowance)"
          + " CROSS JOIN LATERAL (SELECT id, tenant_id, priority FROM message"
          + " WHERE tenant_id = b.tenant_id AND mailbox = b.mailbox AND status = 'ACCEPTED'"
          + " AND (not_before IS NULL OR not_before <= now())"
          + " ORDER BY priority, id LIMIT b.allowance) q) c"
          + " JOIN unnest($1::text[], $2::int[]) AS t(tenant_id, quota) ON t.tenant_id = c.tenant_id"
          + " WHERE c.rn <= t.quota)) AND m.status = 'ACCEPTED'"
          + " RETURNING m.id, m.request, m.attempts, m.expires_at";
  // Queued mail of deleted tenants, whatever its mailbox or time: it is cancelled, not sent.
  private static final String DRAIN =
      "UPDATE message m SET status = 'SENDING', claimed_at = now(), attempts = m.attempts + 1,"
          + " updated_at = now() WHERE m.id IN (SELECT id FROM message"
          + " WHERE tenant_id = ANY($1::text[]) AND status = 'ACCEPTED' LIMIT $2"
          + " FOR UPDATE SKIP LOCKED) RETURNING m.id, m.request, m.attempts, m.expires_at";
  // every outcome of a tick in one statement, matched on the primary key
  private static final String RECORD =
      "UPDATE message m SET status = u.status, status_reason = u.reason,"
          + " ses_message_id = u.ses, not_before = u.not_before,"
          + " sent_at = CASE WHEN u.status = 'SENT' THEN now() ELSE m.sent_at END,"
          + " updated_at = now()"
          + " FROM unnest($1::int8[], $2::varchar[], $3::text[], $4::varchar[],"
          + " $5::timestamptz[]) AS u(id, status, reason, ses, not_before)"
          + " WHERE m.id = u.id AND m.status = 'SENDING'";
  private static final String IN_DOUBT =
      "UPDATE message SET status = 'IN_DOUBT', status_reason = $2, updated_at = now()"
          + " WHERE id IN (SELECT id FROM message WHERE status = 'SENDING' AND claimed_at < $1"
          + " ORDER BY claimed_at LIMIT 500 FOR UPDATE SKIP LOCKED)"
          + " RETURNING id, request, attempts, expires_at";
  private static final String SENT_TODAY =
      "SELECT tenant_id, count(*) FROM message WHERE status IN ('SENT', 'SENDING', 'IN_DOUBT')"
          + " AND claimed_at >= $1 GROUP BY tenant_id";

  private final Pool pool;

  public Ledger(Pool pool) {
    this.pool = pool;
  }

  /**
   * Claims up to {@code quotas[i]} messages of {@code tenants[i]}, taking at most {@code
   * allowances[j]} of mailbox {@code mailboxes[j]} of tenant {@code probeTenants[j]}.
   */
  public Uni<List<Claim>> claim(
      String[] tenants,
      Integer[] quotas,
      String[] probeTenants,
      String[] mailboxes,
      Integer[] allowances) {
    return pool.preparedQuery(CLAIM)
        .execute(Tuple.of(tenants, quotas, probeTenants, mailboxes, allowances))
        .map(this::claims);
  }

  /** Claims up to {@code limit} queued messages of deleted tenants, to cancel them. */
  public Uni<List<Claim>> drain(String[] tenants, int limit) {
    return pool.preparedQuery(DRAIN).execute(Tuple.of(tenants, limit)).map(this::claims);
  }

  /** Records outcomes and their events in one transaction. */
  public Uni<Void> record(List<Outcome> outcomes, List<OutboxRow> events) {
    if (outcomes.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    int n = outcomes.size();
    Long[] ids = new Long[n];
    String[] statuses = new String[n];
    String[] reasons = new String[n];
    String[] sesIds = new String[n];
    OffsetDateTime[] notBefore = new OffsetDateTime[n];
    for (int i = 0; i < n; i++) {
      Outcome o = outcomes.get(i);
      ids[i] = o.claim().id();
      statuses[i] = o.status().name();
      reasons[i] = o.reason();
      sesIds[i] = o.sesMessageId();
      notBefore[i] = o.notBefore() == null ? null : o.notBefore().atOffset(ZoneOffset.UTC);
    }
    Tuple updates = Tuple.from(Arrays.<Object>asList(ids, statuses, reasons, sesIds, notBefore));
    return pool.withTransaction(
        tx -> tx.preparedQuery(RECORD).execute(updates).chain(() -> outbox(tx, events)));
  }

  /**
   * Marks messages claimed before {@code before} and never recorded as in doubt: their SES call was
   * interrupted (crash, lost answer) and may or may not have sent them.
   */
  public Uni<List<Claim>> inDoubt(
      Instant before, String reason, Function<List<Claim>, List<OutboxRow>> events) {
    return pool.withTransaction(
        tx ->
            tx.preparedQuery(IN_DOUBT)
                .execute(Tuple.of(before.atOffset(ZoneOffset.UTC), reason))
                .map(this::claims)
                .call(claims -> outbox(tx, events.apply(claims))));
  }

  /** Messages claimed since {@code since}, per tenant: what counts against the daily limit. */
  public Uni<Map<String, Long>> claimedSince(Instant since) {
    return pool.preparedQuery(SENT_TODAY)
        .execute(Tuple.of(since.atOffset(ZoneOffset.UTC)))
        .map(
            rows -> {
              Map<String, Long> counts = new HashMap<>();
              rows.forEach(r -> counts.put(r.getString(0), r.getLong(1)));
              return counts;
            });
  }

  static Uni<Void> outbox(SqlClient tx, List<OutboxRow> events) {
    if (events.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return tx.preparedQuery(OutboxRow.INSERT_ALL)
        .execute(Tuple.from(Arrays.asList(OutboxRow.columns(events))))
        .replaceWithVoid();
  }

  private static SendRequest request(String json) {
    try {
      return ContractJson.mapper().readValue(json, SendRequest.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored send request is unreadable", e);
    }
  }

  List<Claim> claims(RowSet<Row> rows) {
    List<Claim> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      OffsetDateTime expires = r.getOffsetDateTime("expires_at");
      out.add(
          new Claim(
              r.getLong("id"),
              request(r.getString("request")),
              r.getInteger("attempts"),
              expires == null ? null : expires.toInstant()));
    }
    return out;
  }
}
