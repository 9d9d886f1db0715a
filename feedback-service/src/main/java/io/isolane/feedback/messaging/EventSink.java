package io.isolane.feedback.messaging;

import io.isolane.contracts.Topic;
import io.isolane.servicekit.outbox.TopicSink;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.inject.Singleton;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** The outbox's way out: suppressions and email.events. */
@Singleton
public class EventSink extends TopicSink {
  public EventSink(
      @Channel(Channels.SUPPRESSIONS_OUT) MutinyEmitter<byte[]> suppressions,
      @Channel(Channels.EMAIL_EVENTS_OUT) MutinyEmitter<byte[]> emailEvents) {
    super(Map.of(Topic.SUPPRESSIONS, suppressions, Topic.EMAIL_EVENTS, emailEvents));
  }
}
