package io.isolane.warmup.messaging;

import io.isolane.contracts.Topic;
import io.isolane.servicekit.outbox.TopicSink;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.inject.Singleton;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** The outbox's way out: mailbox.limits. */
@Singleton
public class MailboxLimitsSink extends TopicSink {
  public MailboxLimitsSink(
      @Channel(Channels.MAILBOX_LIMITS_OUT) MutinyEmitter<byte[]> mailboxLimits) {
    super(Map.of(Topic.MAILBOX_LIMITS, mailboxLimits));
  }
}
