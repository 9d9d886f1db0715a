package io.isolane.servicekit.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The transactional outbox table. */
@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxEvent> {
  // rows locked by another relay are skipped; deleted here, they come back if the caller rolls back
  private static final String TAKE_OLDEST =
      "DELETE FROM outbox_event WHERE seq IN (SELECT seq FROM outbox_event ORDER BY seq LIMIT $1"
          + " FOR UPDATE SKIP LOCKED)"
          + " RETURNING seq, event_id, ce_type, source, tenant_id, event_time, payload";

  /**
   * Takes the oldest unpublished rows in the caller's transaction, in commit order: they are gone
   * once it commits and back if it rolls back.
   */
  public Uni<List<OutboxEvent>> takeOldest(SqlConnection c, int limit) {
    return c.preparedQuery(TAKE_OLDEST)
        .execute(Tuple.of(limit))
        .map(
            rows -> {
              List<OutboxEvent> taken = new ArrayList<>(rows.size());
              for (Row r : rows) {
                taken.add(event(r));
              }
              taken.sort(Comparator.comparing(e -> e.seq)); // RETURNING keeps no order
              return taken;
            });
  }

  private static OutboxEvent event(Row r) {
    OutboxEvent e = new OutboxEvent();
    e.seq = r.getLong("seq");
    e.eventId = r.getString("event_id");
    e.ceType = r.getString("ce_type");
    e.source = r.getString("source");
    e.tenantId = r.getString("tenant_id");
    e.eventTime = r.getOffsetDateTime("event_time").toInstant();
    e.payload = r.getString("payload");
    return e;
  }
}
