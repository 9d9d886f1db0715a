package io.isolane.warmup.messaging;

import io.isolane.contracts.Topic;
import io.isolane.servicekit.outbox.TopicSink;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.inject.Singleton;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * The outbox's way out: mailbox.limits and domain.limits; an event that cannot be published goes to
 * the dead-letter topic with the reason.
 */
@Singleton
public class LimitsSink extends TopicSink {
  public LimitsSink(
      @Channel(Channels.MAILBOX_LIMITS_OUT) MutinyEmitter<byte[]> mailboxLimits,
      @Channel(Channels.DOMAIN_LIMITS_OUT) MutinyEmitter<byte[]> domainLimits,
      @Channel(Channels.DEAD_LETTERS_OUT) MutinyEmitter<byte[]> deadLetters) {
    super(
        Map.of(Topic.MAILBOX_LIMITS, mailboxLimits, Topic.DOMAIN_LIMITS, domainLimits),
        deadLetters);
  }
}
