package io.isolane.replies.messaging;

import io.isolane.contracts.Topic;
import io.isolane.servicekit.outbox.TopicSink;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.inject.Singleton;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** The outbox's way out: reply.classified. */
@Singleton
public class ReplyClassifiedSink extends TopicSink {
  public ReplyClassifiedSink(
      @Channel(Channels.REPLY_CLASSIFIED_OUT) MutinyEmitter<byte[]> replyClassified) {
    super(Map.of(Topic.REPLY_CLASSIFIED, replyClassified));
  }
}
