package io.isolane.servicekit.outbox;

import io.isolane.contracts.EventType;
import io.isolane.contracts.Topic;
import io.isolane.servicekit.messaging.DeadLetterMessages;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import java.util.Map;
import java.util.Objects;

/**
 * An {@link OutboxSink} that sends each event to the emitter of its catalogue topic. Subclasses are
 * {@code @Singleton} beans (a proxy would need a no-args constructor).
 */
public abstract class TopicSink implements OutboxSink {
  private final Map<Topic, MutinyEmitter<byte[]>> emitters;
  private final MutinyEmitter<byte[]> deadLetters;

  /** With the service's dead-letter channel, where unpublishable rows go with their reason. */
  protected TopicSink(
      Map<Topic, MutinyEmitter<byte[]>> emitters, MutinyEmitter<byte[]> deadLetters) {
    this.emitters = Map.copyOf(emitters);
    this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
  }

  @Override
  public Uni<Void> reject(OutboxEvent row, String reason) {
    return deadLetters.sendMessage(DeadLetterMessages.of(row, reason));
  }

  @Override
  public Uni<Void> send(OutboxEvent row) {
    EventType<?> type = Outbox.typeOf(row);
    MutinyEmitter<byte[]> emitter = emitters.get(type.topic());
    if (emitter == null) {
      return Uni.createFrom().failure(new IllegalStateException("no channel for " + type.topic()));
    }
    return emitter.sendMessage(Outbox.toMessage(type, row));
  }
}
