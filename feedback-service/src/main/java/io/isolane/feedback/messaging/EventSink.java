package io.isolane.feedback.messaging;

import io.isolane.contracts.Topic;
import io.isolane.servicekit.outbox.TopicSink;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.inject.Singleton;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * The outbox's way out: suppressions, email.events, sender.health, tenant.commands and
 * inbound.replies; an event that cannot be published goes to the dead-letter topic with the reason.
 */
@Singleton
public class EventSink extends TopicSink {
  public EventSink(
      @Channel(Channels.SUPPRESSIONS_OUT) MutinyEmitter<byte[]> suppressions,
      @Channel(Channels.EMAIL_EVENTS_OUT) MutinyEmitter<byte[]> emailEvents,
      @Channel(Channels.SENDER_HEALTH_OUT) MutinyEmitter<byte[]> health,
      @Channel(Channels.TENANT_COMMANDS_OUT) MutinyEmitter<byte[]> commands,
      @Channel(Channels.INBOUND_REPLIES_OUT) MutinyEmitter<byte[]> inbound,
      @Channel(Channels.DEAD_LETTERS_OUT) MutinyEmitter<byte[]> deadLetters) {
    super(
        Map.of(
            Topic.SUPPRESSIONS,
            suppressions,
            Topic.EMAIL_EVENTS,
            emailEvents,
            Topic.SENDER_HEALTH,
            health,
            Topic.TENANT_COMMANDS,
            commands,
            Topic.INBOUND_REPLIES,
            inbound),
        deadLetters);
  }
}
