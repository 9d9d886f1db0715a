package io.isolane.sending.messaging;

import io.isolane.servicekit.messaging.DeadLetterMessages;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Rejected records of the batch intake, to the dead-letter topic with the reason. */
@ApplicationScoped
public class DeadLetters {
  private final MutinyEmitter<byte[]> emitter;

  public DeadLetters(@Channel(Channels.DEAD_LETTERS_OUT) MutinyEmitter<byte[]> emitter) {
    this.emitter = emitter;
  }

  /** Publishes the record with the reason; completes once the broker has it. */
  public Uni<Void> reject(ConsumerRecord<String, byte[]> record, String reason) {
    return emitter.sendMessage(DeadLetterMessages.of(record, reason));
  }
}
