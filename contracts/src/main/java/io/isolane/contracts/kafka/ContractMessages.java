package io.isolane.contracts.kafka;

import io.isolane.contracts.ContractEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/** SmallRye Reactive Messaging side of {@link EventCodec}: messages for an emitter or channel. */
public final class ContractMessages {
  private ContractMessages() {}

  /** A message carrying the event with its key and CloudEvents headers. */
  public static Message<byte[]> of(ContractEvent<?> event) {
    OutgoingKafkaRecordMetadata<String> metadata =
        OutgoingKafkaRecordMetadata.<String>builder()
            .withKey(event.key())
            .withHeaders(EventCodec.headers(event))
            .build();
    return Message.of(EventCodec.body(event)).addMetadata(metadata);
  }
}
