package io.isolane.servicekit.outbox;

import io.isolane.contracts.ContractEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

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
