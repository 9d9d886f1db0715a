package io.isolane.feedback.messaging;

import io.isolane.contracts.Topic;
import io.isolane.servicekit.outbox.TopicSink;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.inject.Singleton;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** The outbox's way out: suppressions. */
@Singleton
public class SuppressionSink extends TopicSink {
  public SuppressionSink(@Channel(Channels.SUPPRESSIONS_OUT) MutinyEmitter<byte[]> suppressions) {
    super(Map.of(Topic.SUPPRESSIONS, suppressions));
  }
}
