package io.isolane.sending.repository;

import io.isolane.sending.Claim;
import io.isolane.servicekit.outbox.OutboxRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Queued mail of a mailbox its tenant no longer has (removed after the request was accepted). The
 * scheduler only looks into the tenant's mailboxes, so such mail would otherwise wait forever.
 */
@ApplicationScoped
public class OrphanRepository {
  // The distinct (tenant, mailbox) pairs with queued mail, by skipping through the queue index
  // (cost follows the number of pairs, not the backlog), minus the mailboxes in each state.
  private static final String ORPHANS =
      "WITH RECURSIVE queued AS ("
          + " (SELECT tenant_id, mailbox FROM message WHERE status = 'ACCEPTED'"
          + " ORDER BY tenant_id, mailbox LIMIT 1)"
          + " UNION ALL SELECT n.tenant_id, n.mailbox FROM queued q CROSS JOIN LATERAL"
          + " (SELECT tenant_id, mailbox FROM message WHERE status = 'ACCEPTED'"
          + " AND (tenant_id, mailbox) > (q.tenant_id, q.mailbox)"
          + " ORDER BY tenant_id, mailbox LIMIT 1) n)"
          + " SELECT q.tenant_id, q.mailbox FROM queued q"
          + " JOIN tenant_lane l ON l.tenant_id = q.tenant_id AND l.state IS NOT NULL"
          + " WHERE l.status NOT IN ('DELETED', 'DELETING') AND NOT EXISTS ("
          + " SELECT 1 FROM jsonb_array_elements(l.state::jsonb -> 'mailboxes') mb"
          + " WHERE lower(mb ->> 'address') = q.mailbox)";
  private static final String FAIL =
      "UPDATE message SET status = 'FAILED', status_reason = $3, updated_at = now()"
          + " WHERE id IN (SELECT id FROM message WHERE tenant_id = $1 AND mailbox = $2"
          + " AND status = 'ACCEPTED' LIMIT $4 FOR UPDATE SKIP LOCKED)"
          + " RETURNING id, request, attempts, expires_at";

  private final Pool pool;
  private final Ledger ledger;

  public OrphanRepository(Pool pool, Ledger ledger) {
    this.pool = pool;
    this.ledger = ledger;
  }

  /** (tenant, mailbox) pairs with queued mail the tenant's state no longer lists. */
  public Uni<List<String[]>> orphans() {
    return pool.query(ORPHANS)
        .execute()
        .map(
            rows -> {
              List<String[]> out = new ArrayList<>();
              for (Row r : rows) {
                out.add(new String[] {r.getString(0), r.getString(1)});
              }
              return out;
            });
  }

  /** Fails up to {@code limit} queued messages of the mailbox, with their events. */
  public Uni<List<Claim>> fail(
      String tenantId,
      String mailbox,
      String reason,
      int limit,
      Function<List<Claim>, List<OutboxRow>> events) {
    return pool.withTransaction(
        tx ->
            tx.preparedQuery(FAIL)
                .execute(Tuple.of(tenantId, mailbox, reason, limit))
                .map(ledger::claims)
                .call(claims -> Ledger.outbox(tx, events.apply(claims))));
  }
}
