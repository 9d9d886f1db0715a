package io.isolane.sending.messaging;

import io.isolane.contracts.Topic;
import io.isolane.servicekit.outbox.TopicSink;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.inject.Singleton;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * The outbox's way out: email.events, and tenant.commands when SES paused a tenant; an event that
 * cannot be published goes to the dead-letter topic with the reason.
 */
@Singleton
public class EmailEventSink extends TopicSink {
  public EmailEventSink(
      @Channel(Channels.EMAIL_EVENTS_OUT) MutinyEmitter<byte[]> emailEvents,
      @Channel(Channels.TENANT_COMMANDS_OUT) MutinyEmitter<byte[]> tenantCommands,
      @Channel(Channels.DEAD_LETTERS_OUT) MutinyEmitter<byte[]> deadLetters) {
    super(
        Map.of(Topic.EMAIL_EVENTS, emailEvents, Topic.TENANT_COMMANDS, tenantCommands),
        deadLetters);
  }
}
