package io.isolane.servicekit.outbox;

import io.isolane.contracts.ContractEvent;
import io.smallrye.mutiny.Uni;

/**
 * Where the relay hands events: each service implements it with its emitters (one per topic it
 * produces). The returned Uni completes once Kafka acknowledged the record.
 */
public interface OutboxSink {
  Uni<Void> send(ContractEvent<?> event);
}
