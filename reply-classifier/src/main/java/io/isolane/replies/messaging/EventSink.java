package io.isolane.replies.messaging;

import io.isolane.contracts.Topic;
import io.isolane.servicekit.outbox.TopicSink;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.inject.Singleton;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * The outbox's way out: reply.classified and suppression.requests; an event that cannot be
 * published goes to the dead-letter topic with the reason.
 */
@Singleton
public class EventSink extends TopicSink {
  public EventSink(
      @Channel(Channels.REPLY_CLASSIFIED_OUT) MutinyEmitter<byte[]> replyClassified,
      @Channel(Channels.SUPPRESSION_REQUESTS_OUT) MutinyEmitter<byte[]> suppressionRequests,
      @Channel(Channels.DEAD_LETTERS_OUT) MutinyEmitter<byte[]> deadLetters) {
    super(
        Map.of(
            Topic.REPLY_CLASSIFIED, replyClassified,
            Topic.SUPPRESSION_REQUESTS, suppressionRequests),
        deadLetters);
  }
}
