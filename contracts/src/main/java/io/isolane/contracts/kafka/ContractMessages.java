package io.isolane.contracts.kafka;

import io.isolane.contracts.ContractEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;

/** SmallRye Reactive Messaging side of {@link EventCodec}: messages for an emitter or channel. */
public final class ContractMessages {
  private ContractMessages() {}

  /** A message carrying the event with its key and CloudEvents headers. */
  public static Message<byte[]> of(ContractEvent<?> event) {
    return of(event.key(), EventCodec.headers(event), EventCodec.body(event));
  }

  /** A message of an already encoded event: its key, CloudEvents headers and JSON body. */
  public static Message<byte[]> of(String key, Headers headers, byte[] body) {
    OutgoingKafkaRecordMetadata<String> metadata =
        OutgoingKafkaRecordMetadata.<String>builder().withKey(key).withHeaders(headers).build();
    return Message.of(body).addMetadata(metadata);
  }
}
