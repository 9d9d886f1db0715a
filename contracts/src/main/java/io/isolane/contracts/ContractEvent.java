package io.isolane.contracts;

import io.isolane.contracts.events.TenantEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * An event in its CloudEvents 1.0 envelope. The subject is always the tenant id.
 *
 * @param id unique event id ({@code ce_id}); consumers deduplicate on it
 * @param type the event type ({@code ce_type}, {@code ce_dataschema})
 * @param source the producing service ({@code ce_source}), e.g. {@code /isolane/tenant-service}
 * @param time when the event happened ({@code ce_time})
 * @param data the payload
 * @param <T> payload record
 */
public record ContractEvent<T extends TenantEvent>(
    String id, EventType<T> type, String source, Instant time, T data) {

  public ContractEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(data, "data");
    TenantIds.requireValid(data.tenantId());
  }

  /** A new event with a random id, stamped now. */
  public static <T extends TenantEvent> ContractEvent<T> of(
      EventType<T> type, String source, T data) {
    return withId(UUID.randomUUID().toString(), type, source, data);
  }

  /**
   * A new event with a caller-chosen id: a producer that may publish the same fact twice (after a
   * redelivery) derives the id from the fact so consumers see one event.
   */
  public static <T extends TenantEvent> ContractEvent<T> withId(
      String id, EventType<T> type, String source, T data) {
    return new ContractEvent<>(
        id, type, source, Instant.now().truncatedTo(ChronoUnit.MILLIS), data);
  }

  /** The CloudEvents subject: the tenant id. */
  public String subject() {
    return data.tenantId();
  }

  /** The Kafka record key. */
  public String key() {
    return type.keyOf(data);
  }
}
