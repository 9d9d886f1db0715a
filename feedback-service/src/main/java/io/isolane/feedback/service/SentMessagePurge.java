package io.isolane.feedback.service;

import io.isolane.feedback.config.FeedbackConfig;
import io.isolane.feedback.repository.SentMessageRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Forgets SES message ids older than the retention, so the mapping does not grow for ever. */
@ApplicationScoped
public class SentMessagePurge {
  private static final Logger LOG = Logger.getLogger(SentMessagePurge.class);

  private final SentMessageRepository sentMessages;
  private final FeedbackConfig config;

  public SentMessagePurge(SentMessageRepository sentMessages, FeedbackConfig config) {
    this.sentMessages = sentMessages;
    this.config = config;
  }

  @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> hourly() {
    return purge().replaceWithVoid();
  }

  /** Deletes what is older than the retention; how many rows. */
  public Uni<Integer> purge() {
    return sentMessages
        .purge(Instant.now().minus(config.sentMessageRetention()))
        .invoke(n -> LOG.debugf("forgot %d SES message ids", n));
  }
}
