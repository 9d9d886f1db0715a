package io.isolane.servicekit.messaging;

import io.isolane.servicekit.outbox.OutboxEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A rejected record as a dead-letter message, in the shape of the connector's own dead-letter
 * strategy (original key, value and headers, plus {@code dead-letter-*} headers). Batch consumers
 * need it: left to the connector, one bad record would send its whole batch there.
 */
public final class DeadLetterMessages {
  private DeadLetterMessages() {}

  /** The message to publish on the service's dead-letter channel. */
  public static Message<byte[]> of(ConsumerRecord<String, byte[]> record, String reason) {
    RecordHeaders headers = new RecordHeaders(record.headers().toArray());
    headers.add("dead-letter-reason", bytes(reason));
    headers.add("dead-letter-topic", bytes(record.topic()));
    headers.add("dead-letter-partition", bytes(Integer.toString(record.partition())));
    headers.add("dead-letter-offset", bytes(Long.toString(record.offset())));
    OutgoingKafkaRecordMetadata<String> metadata =
        OutgoingKafkaRecordMetadata.<String>builder()
            .withKey(record.key())
            .withHeaders(headers)
            .build();
    return Message.of(record.value()).addMetadata(metadata);
  }

  /**
   * An outbox row its producer cannot publish, as a dead-letter message: the stored payload keyed
   * by tenant, with the event's id and type, the reason, and {@code outbox} as its origin.
   */
  public static Message<byte[]> of(OutboxEvent row, String reason) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("dead-letter-reason", bytes(reason));
    headers.add("dead-letter-topic", bytes("outbox"));
    headers.add("dead-letter-event-id", bytes(row.eventId));
    headers.add("dead-letter-event-type", bytes(row.ceType));
    OutgoingKafkaRecordMetadata<String> metadata =
        OutgoingKafkaRecordMetadata.<String>builder()
            .withKey(row.tenantId)
            .withHeaders(headers)
            .build();
    return Message.of(bytes(row.payload)).addMetadata(metadata);
  }

  private static byte[] bytes(String s) {
    return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
  }
}
