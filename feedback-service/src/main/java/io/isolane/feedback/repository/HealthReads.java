package io.isolane.feedback.repository;

import io.isolane.feedback.HealthFigures;
import io.isolane.feedback.HealthSubject;
import io.isolane.feedback.HealthThresholds;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What the tenant API reads and sets of a tenant's health: statuses and own thresholds. */
@ApplicationScoped
public class HealthReads {
  private static final String SENDERS =
      "SELECT scope, target, status, reason, sends, hard_bounces AS hard, soft_bounces AS soft,"
          + " complaints, unsubscribes, replies, pause_command_id, changed_at FROM sender_health"
          + " WHERE tenant_id = $1 ORDER BY CASE status WHEN 'BREACH' THEN 0 WHEN 'WARNING' THEN 1"
          + " ELSE 2 END, scope, target";
  private static final String ONE =
      "SELECT scope, target, status, reason, sends, hard_bounces AS hard, soft_bounces AS soft,"
          + " complaints, unsubscribes, replies, pause_command_id, changed_at FROM sender_health"
          + " WHERE tenant_id = $1 AND scope = $2 AND target = $3";
  private static final String SET =
      "INSERT INTO health_threshold (tenant_id, hard_bounce_warn, hard_bounce_pause, complaint_warn,"
          + " complaint_pause, min_sends, complaint_min_sends, updated_at)"
          + " VALUES ($1, $2, $3, $4, $5, $6, $7, now()) ON CONFLICT (tenant_id) DO UPDATE SET"
          + " hard_bounce_warn = $2, hard_bounce_pause = $3, complaint_warn = $4,"
          + " complaint_pause = $5, min_sends = $6, complaint_min_sends = $7, updated_at = now()";
  private static final String UNSET = "DELETE FROM health_threshold WHERE tenant_id = $1";

  private final Pool pool;
  private final HealthRepository health;

  public HealthReads(Pool pool, HealthRepository health) {
    this.pool = pool;
    this.health = health;
  }

  /**
   * A sender's recorded health.
   *
   * @param subject whose
   * @param status healthy, warning or breach
   * @param reason why, with the figures
   * @param figures the figures of its last change
   * @param pauseCommandId the pause its breach issued (null: none)
   * @param changedAt when it last changed
   */
  public record SenderStatus(
      HealthSubject subject,
      String status,
      String reason,
      HealthFigures figures,
      String pauseCommandId,
      Instant changedAt) {}

  /** Every sender of the tenant with a recorded health, breaches first. */
  public Uni<List<SenderStatus>> senders(String tenantId) {
    return pool.preparedQuery(SENDERS).execute(Tuple.of(tenantId)).map(HealthReads::statuses);
  }

  /** One sender's recorded health. */
  public Uni<Optional<SenderStatus>> sender(String tenantId, HealthSubject s) {
    return pool.preparedQuery(ONE)
        .execute(Tuple.of(tenantId, s.scope().name(), s.target()))
        .map(rows -> statuses(rows).stream().findFirst());
  }

  /** The tenant's own thresholds, if it set any. */
  public Uni<Optional<HealthThresholds>> thresholds(String tenantId) {
    return pool.withConnection(c -> health.thresholds(c, tenantId));
  }

  public Uni<Void> setThresholds(String tenantId, HealthThresholds t) {
    return pool.preparedQuery(SET)
        .execute(
            Tuple.from(
                Arrays.asList(
                    tenantId,
                    t.hardBounceWarn(),
                    t.hardBouncePause(),
                    t.complaintWarn(),
                    t.complaintPause(),
                    t.minSends(),
                    t.complaintMinSends())))
        .replaceWithVoid();
  }

  /** Back to the defaults; whether the tenant had its own. */
  public Uni<Boolean> unsetThresholds(String tenantId) {
    return pool.preparedQuery(UNSET).execute(Tuple.of(tenantId)).map(r -> r.rowCount() > 0);
  }

  private static List<SenderStatus> statuses(Iterable<Row> rows) {
    List<SenderStatus> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(
          new SenderStatus(
              HealthRepository.subject(r),
              r.getString("status"),
              r.getString("reason"),
              HealthRepository.figures(r),
              r.getString("pause_command_id"),
              r.getOffsetDateTime("changed_at").toInstant()));
    }
    return out;
  }
}
