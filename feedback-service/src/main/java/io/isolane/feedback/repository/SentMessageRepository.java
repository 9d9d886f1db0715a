package io.isolane.feedback.repository;

import io.isolane.contracts.events.EmailEvent;
import io.isolane.feedback.service.SesEvents;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which tenant, message and mailbox each SES message id belongs to, while it may get feedback. */
@ApplicationScoped
public class SentMessageRepository {
  private static final String REMEMBER =
      "INSERT INTO sent_message (ses_message_id, tenant_id, message_id, mailbox, sent_at)"
          + " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (ses_message_id) DO NOTHING";
  private static final String FIND =
      "SELECT tenant_id, message_id, mailbox FROM sent_message WHERE ses_message_id = $1";
  private static final String PURGE = "DELETE FROM sent_message WHERE sent_at < $1";

  private final Pool pool;

  public SentMessageRepository(Pool pool) {
    this.pool = pool;
  }

  /** Remembers sent messages (in the caller's transaction, one round trip). */
  public Uni<Void> remember(SqlConnection c, List<EmailEvent> sent) {
    if (sent.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return c.preparedQuery(REMEMBER)
        .executeBatch(sent.stream().map(SentMessageRepository::row).toList())
        .replaceWithVoid();
  }

  private static Tuple row(EmailEvent sent) {
    Instant at = sent.occurredAt() == null ? Instant.now() : sent.occurredAt();
    return Tuple.of(
        sent.sesMessageId(),
        sent.tenantId(),
        sent.messageId(),
        sent.mailbox(),
        at.atOffset(ZoneOffset.UTC));
  }

  /** The message an SES message id belongs to, if it is known. */
  public Uni<Optional<SesEvents.Attribution>> find(String sesMessageId) {
    return pool.preparedQuery(FIND)
        .execute(Tuple.of(sesMessageId))
        .map(
            rows -> {
              if (rows.size() == 0) {
                return Optional.empty();
              }
              Row r = rows.iterator().next();
              return Optional.of(
                  new SesEvents.Attribution(
                      r.getString("tenant_id"),
                      r.getString("message_id"),
                      r.getString("mailbox"),
                      Map.of()));
            });
  }

  /** Forgets messages sent before {@code before}; how many. */
  public Uni<Integer> purge(Instant before) {
    return pool.preparedQuery(PURGE)
        .execute(Tuple.of(before.atOffset(ZoneOffset.UTC)))
        .map(rows -> rows.rowCount());
  }
}
