package io.isolane.servicekit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.ContractJson;
import io.isolane.contracts.EventType;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.KeyScheme;
import io.isolane.contracts.UnpublishableEventException;
import io.isolane.contracts.events.TenantEvent;
import io.isolane.contracts.kafka.ContractMessages;
import io.isolane.contracts.kafka.EventCodec;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Writes events into the outbox inside the caller's transaction, and reads them back. */
@ApplicationScoped
public class Outbox {
  private final OutboxRepository repository;

  public Outbox(OutboxRepository repository) {
    this.repository = repository;
  }

  /** Adds the event to the outbox; it is published only if the caller's transaction commits. */
  public Uni<Void> add(ContractEvent<?> event) {
    OutboxEvent row = new OutboxEvent();
    row.eventId = event.id();
    row.ceType = event.type().ceType();
    row.source = event.source();
    row.tenantId = event.subject();
    row.eventTime = event.time();
    row.payload = json(event.data());
    return repository.persist(row).replaceWithVoid();
  }

  /** The event type a row names. */
  static EventType<?> typeOf(OutboxEvent row) {
    return EventTypes.byCeType(row.ceType)
        .orElseThrow(() -> new UnpublishableEventException("unknown outbox type " + row.ceType));
  }

  /**
   * The Kafka message for a row: the stored JSON as it is (checked, not mapped to its record and
   * back: this is every service's hottest publish path), headers from the row's columns. Throws
   * {@link UnpublishableEventException} for a row that can never be published.
   */
  static Message<byte[]> toMessage(EventType<?> type, OutboxEvent row) {
    byte[] body = EventCodec.storedBody(type, row.tenantId, row.payload);
    KeyScheme scheme = type.topic().keyScheme();
    String key =
        scheme == KeyScheme.TENANT ? keyOf(scheme, row.tenantId) : rebuild(type, row).key();
    return ContractMessages.of(
        key, EventCodec.headers(type, row.eventId, row.source, row.tenantId, row.eventTime), body);
  }

  private static String keyOf(KeyScheme scheme, String tenantId) {
    try {
      return scheme.key(tenantId, null);
    } catch (IllegalArgumentException e) {
      throw new UnpublishableEventException("outbox row of an invalid tenant id " + tenantId, e);
    }
  }

  // an entity-keyed event takes its key from its payload
  private static <T extends TenantEvent> ContractEvent<T> rebuild(
      EventType<T> type, OutboxEvent row) {
    try {
      T data = ContractJson.mapper().readValue(row.payload, type.payloadClass());
      return new ContractEvent<>(row.eventId, type, row.source, row.eventTime, data);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new UnpublishableEventException("unreadable outbox event " + row.eventId, e);
    }
  }

  static String json(Object data) {
    try {
      return ContractJson.mapper().writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + data.getClass().getSimpleName(), e);
    }
  }
}
