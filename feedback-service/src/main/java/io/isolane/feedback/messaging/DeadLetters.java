package io.isolane.feedback.messaging;

import io.isolane.servicekit.messaging.DeadLetterMessages;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Verified SNS input we cannot use and records batch consumers reject, to the dead-letter topic
 * with the reason: never dropped.
 */
@ApplicationScoped
public class DeadLetters {
  private final MutinyEmitter<byte[]> emitter;

  public DeadLetters(@Channel(Channels.DEAD_LETTERS_OUT) MutinyEmitter<byte[]> emitter) {
    this.emitter = emitter;
  }

  /** Publishes the SNS body keyed by its topic; completes once the broker has it. */
  public Uni<Void> reject(String topicArn, String body, String reason) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
    headers.add("dead-letter-topic", "sns".getBytes(StandardCharsets.UTF_8));
    OutgoingKafkaRecordMetadata<String> metadata =
        OutgoingKafkaRecordMetadata.<String>builder()
            .withKey(topicArn)
            .withHeaders(headers)
            .build();
    return emitter.sendMessage(
        Message.of(body.getBytes(StandardCharsets.UTF_8)).addMetadata(metadata));
  }

  /** Publishes a record a batch consumer rejected, with the reason; completes once sent. */
  public Uni<Void> reject(ConsumerRecord<String, byte[]> record, String reason) {
    return emitter.sendMessage(DeadLetterMessages.of(record, reason));
  }
}
