package io.isolane.servicekit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.ContractJson;
import io.isolane.contracts.EventType;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.UnpublishableEventException;
import io.isolane.contracts.events.TenantEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

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

  /** Rebuilds the contract event a row holds. */
  static ContractEvent<?> toEvent(OutboxEvent row) {
    EventType<?> type =
        EventTypes.byCeType(row.ceType)
            .orElseThrow(
                () -> new UnpublishableEventException("unknown outbox type " + row.ceType));
    return rebuild(type, row);
  }

  private static <T extends TenantEvent> ContractEvent<T> rebuild(
      EventType<T> type, OutboxEvent row) {
    try {
      T data = ContractJson.mapper().readValue(row.payload, type.payloadClass());
      return new ContractEvent<>(row.eventId, type, row.source, row.eventTime, data);
    } catch (JsonProcessingException e) {
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
