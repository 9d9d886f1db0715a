package io.isolane.sending.service;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.RejectedEventException;
import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.sending.config.SendingConfig;
import io.isolane.sending.messaging.DeadLetters;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Send requests as records of send.requests, read into the contract or rejected with the reason: a
 * record that is not a valid contract event, or a request older than the ledger's retention (the
 * ledger may have sent and forgotten it).
 */
@ApplicationScoped
public class RequestDecoding {
  static final String TOO_OLD =
      "requested before the ledger's retention (isolane.sending.retention.terminal): it may have"
          + " been sent already, so it is not stored again";

  private final DeadLetters deadLetters;
  private final SendingConfig config;

  public RequestDecoding(DeadLetters deadLetters, SendingConfig config) {
    this.deadLetters = deadLetters;
    this.config = config;
  }

  /** A valid request and its contract JSON as it arrived, which the ledger keeps. */
  record Arrived(SendRequest request, byte[] body) {}

  /**
   * Records read: the valid requests, and the rejected records' dead letters, sent on subscription.
   */
  record Decoded(List<Arrived> valid, List<Uni<Void>> rejected) {
    /** Dead-letters the rejected records, one after another; completes once the broker has all. */
    Uni<Void> deadLetter() {
      return rejected.isEmpty()
          ? Uni.createFrom().voidItem()
          : Multi.createFrom()
              .iterable(rejected)
              .onItem()
              .transformToUniAndConcatenate(u -> u)
              .collect()
              .last()
              .replaceWithVoid();
    }
  }

  Decoded decode(List<ConsumerRecord<String, byte[]>> records) {
    List<Arrived> valid = new ArrayList<>();
    List<Uni<Void>> rejected = new ArrayList<>();
    Instant retained = Instant.now().minus(config.retention().terminal());
    for (ConsumerRecord<String, byte[]> record : records) {
      try {
        SendRequest request = EventCodec.decode(EventTypes.SEND_REQUEST, record).data();
        if (requested(request, record).isBefore(retained)) {
          rejected.add(deadLetters.reject(record, TOO_OLD));
        } else {
          valid.add(new Arrived(request, record.value()));
        }
      } catch (RejectedEventException e) {
        rejected.add(deadLetters.reject(record, e.getMessage()));
      }
    }
    return new Decoded(valid, rejected);
  }

  private static Instant requested(SendRequest request, ConsumerRecord<String, byte[]> record) {
    return request.requestedAt() != null
        ? request.requestedAt()
        : Instant.ofEpochMilli(record.timestamp());
  }
}
