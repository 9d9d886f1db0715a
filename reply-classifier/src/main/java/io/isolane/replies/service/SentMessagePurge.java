package io.isolane.replies.service;

import io.isolane.replies.config.ReplyConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/** Forgets sent messages older than the retention, so threading's table does not grow for ever. */
@ApplicationScoped
public class SentMessagePurge {
  private static final Logger LOG = Logger.getLogger(SentMessagePurge.class);
  private static final String PURGE = "DELETE FROM sent_message WHERE sent_at < $1";

  private final Pool pool;
  private final ReplyConfig config;

  public SentMessagePurge(Pool pool, ReplyConfig config) {
    this.pool = pool;
    this.config = config;
  }

  @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> hourly() {
    return purge().replaceWithVoid();
  }

  /** Deletes what is older than the retention; how many rows. */
  public Uni<Integer> purge() {
    Instant before = Instant.now().minus(config.sentMessageRetention());
    return pool.preparedQuery(PURGE)
        .execute(Tuple.of(before.atOffset(ZoneOffset.UTC)))
        .map(rows -> rows.rowCount())
        .invoke(n -> LOG.debugf("forgot %d sent messages", n));
  }
}
