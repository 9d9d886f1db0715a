package io.isolane.sending.repository;

import io.isolane.contracts.events.MailboxLimits;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The latest mailbox.limits per mailbox, and what each mailbox sent against them. */
@ApplicationScoped
public class MailboxLimitRepository {
  private static final String UPSERT =
      "INSERT INTO mailbox_limit (tenant_id, mailbox, limits, computed_at) VALUES ($1, $2, $3, $4)"
          + " ON CONFLICT (tenant_id, mailbox) DO UPDATE SET limits = EXCLUDED.limits,"
          + " computed_at = EXCLUDED.computed_at"
          + " WHERE mailbox_limit.computed_at <= EXCLUDED.computed_at";
  private static final String ALL = "SELECT limits FROM mailbox_limit";
  // claimed_at of a sent (or possibly sent) message is when it went to SES
  private static final String SENT_SINCE =
      "SELECT count(*) FILTER (WHERE claimed_at >= $3) AS today, max(claimed_at) AS last"
          + " FROM message WHERE tenant_id = $1 AND mailbox = $2 AND claimed_at >= least($3, $4)"
          + " AND status IN ('SENT', 'SENDING', 'IN_DOUBT')";
  private static final String LAST_HOUR =
      "SELECT recipient_domain, claimed_at FROM message WHERE tenant_id = $1 AND mailbox = $2"
          + " AND claimed_at >= $3 AND status IN ('SENT', 'SENDING', 'IN_DOUBT')"
          + " ORDER BY claimed_at";

  private final Pool pool;

  public MailboxLimitRepository(Pool pool) {
    this.pool = pool;
  }

  /** Stores the limits unless newer ones are stored already. */
  public Uni<Void> upsert(MailboxLimits limits) {
    return pool.preparedQuery(UPSERT)
        .execute(
            Tuple.of(
                limits.tenantId(),
                limits.mailbox().toLowerCase(),
                StoredJson.write(limits),
                limits.computedAt().atOffset(ZoneOffset.UTC)))
        .replaceWithVoid();
  }

  public Uni<List<MailboxLimits>> all() {
    return pool.query(ALL)
        .execute()
        .map(
            rows -> {
              List<MailboxLimits> out = new ArrayList<>(rows.size());
              rows.forEach(r -> out.add(StoredJson.read(r.getString(0), MailboxLimits.class)));
              return out;
            });
  }

  /**
   * What a mailbox sent since {@code dayStart} and in the hour before {@code now}.
   *
   * @param sentToday messages since the day started
   * @param lastSentAt the latest send, or null
   * @param lastHour the last hour's sends per recipient domain, oldest first
   */
  public record Usage(int sentToday, Instant lastSentAt, Map<String, List<Instant>> lastHour) {}

  public Uni<Usage> usage(String tenantId, String mailbox, Instant dayStart, Instant now) {
    Instant hourAgo = now.minusSeconds(3600);
    return pool.preparedQuery(SENT_SINCE)
        .execute(
            Tuple.of(
                tenantId,
                mailbox,
                dayStart.atOffset(ZoneOffset.UTC),
                hourAgo.atOffset(ZoneOffset.UTC)))
        .chain(
            totals ->
                pool.preparedQuery(LAST_HOUR)
                    .execute(Tuple.of(tenantId, mailbox, hourAgo.atOffset(ZoneOffset.UTC)))
                    .map(recent -> usage(totals.iterator().next(), recent)));
  }

  private static Usage usage(Row totals, Iterable<Row> recent) {
    Map<String, List<Instant>> byDomain = new HashMap<>();
    for (Row r : recent) {
      String domain = r.getString(0) == null ? "" : r.getString(0);
      byDomain
          .computeIfAbsent(domain, d -> new ArrayList<>())
          .add(r.getOffsetDateTime(1).toInstant());
    }
    Instant last =
        totals.getOffsetDateTime("last") == null
            ? null
            : totals.getOffsetDateTime("last").toInstant();
    return new Usage(totals.getLong("today").intValue(), last, byDomain);
  }
}
