package io.isolane.servicekit.outbox;

import io.isolane.contracts.ContractEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * An outbox row for writers that use the reactive SQL client directly (hot paths that batch many
 * state changes per transaction). Same table and meaning as {@link Outbox#add}; an event id that is
 * already queued is skipped, so re-recording a lifecycle step never publishes it twice.
 *
 * @param eventId CloudEvents id
 * @param ceType CloudEvents type
 * @param source CloudEvents source
 * @param tenantId tenant (the Kafka key)
 * @param eventTime event time
 * @param payload contract JSON
 */
public record OutboxRow(
    String eventId,
    String ceType,
    String source,
    String tenantId,
    OffsetDateTime eventTime,
    String payload) {

  /** Positional parameters in field order. */
  public static final String INSERT =
      "INSERT INTO outbox_event (event_id, ce_type, source, tenant_id, event_time, payload)"
          + " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING";

  /** Many rows in one statement: the parameters are {@link #columns}, in order. */
  public static final String INSERT_ALL =
      "INSERT INTO outbox_event (event_id, ce_type, source, tenant_id, event_time, payload)"
          + " SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[],"
          + " $5::timestamptz[], $6::text[]) ON CONFLICT (event_id) DO NOTHING";

  /** The rows as one array per column, in {@link #INSERT_ALL}'s parameter order. */
  public static Object[] columns(List<OutboxRow> rows) {
    int n = rows.size();
    String[] ids = new String[n];
    String[] types = new String[n];
    String[] sources = new String[n];
    String[] tenants = new String[n];
    OffsetDateTime[] times = new OffsetDateTime[n];
    String[] payloads = new String[n];
    for (int i = 0; i < n; i++) {
      OutboxRow r = rows.get(i);
      ids[i] = r.eventId();
      types[i] = r.ceType();
      sources[i] = r.source();
      tenants[i] = r.tenantId();
      times[i] = r.eventTime();
      payloads[i] = r.payload();
    }
    return new Object[] {ids, types, sources, tenants, times, payloads};
  }

  public static OutboxRow of(ContractEvent<?> event) {
    Instant time = event.time();
    return new OutboxRow(
        event.id(),
        event.type().ceType(),
        event.source(),
        event.subject(),
        time.atOffset(ZoneOffset.UTC),
        Outbox.json(event.data()));
  }

  /** The values in {@link #INSERT}'s parameter order. */
  public Object[] values() {
    return new Object[] {eventId, ceType, source, tenantId, eventTime, payload};
  }
}
