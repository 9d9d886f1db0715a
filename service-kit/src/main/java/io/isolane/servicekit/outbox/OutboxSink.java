package io.isolane.servicekit.outbox;

import io.smallrye.mutiny.Uni;

/**
 * Where the relay hands events: each service implements it with its emitters (one per topic it
 * produces). The returned Uni completes once Kafka acknowledged the record.
 */
public interface OutboxSink {
  /**
   * Publishes the row's event. Throws {@link io.isolane.contracts.UnpublishableEventException} for
   * a row that can never be published; the relay then hands it to {@link #reject}.
   */
  Uni<Void> send(OutboxEvent row);

  /**
   * Takes a row that can never be published (see {@link
   * io.isolane.contracts.UnpublishableEventException}) out of the way, e.g. to the service's
   * dead-letter topic with the reason. Without a way out it fails, and the row stays and holds the
   * outbox until the bug is fixed: kept, never dropped.
   */
  default Uni<Void> reject(OutboxEvent row, String reason) {
    return Uni.createFrom()
        .failure(
            new IllegalStateException(
                "outbox event " + row.eventId + " cannot be published: " + reason));
  }
}
