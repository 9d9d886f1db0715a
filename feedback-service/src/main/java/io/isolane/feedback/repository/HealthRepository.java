package io.isolane.feedback.repository;

import io.isolane.contracts.events.SenderHealth;
import io.isolane.feedback.HealthFigures;
import io.isolane.feedback.HealthJudge;
import io.isolane.feedback.HealthSubject;
import io.isolane.feedback.HealthThresholds;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Health figures, statuses and thresholds; every statement runs in the caller's transaction. */
@ApplicationScoped
public class HealthRepository {
  private static final String MARK =
      "INSERT INTO processed_event (event_id, tenant_id, processed_at) VALUES ($1, $2, now())"
          + " ON CONFLICT (event_id) DO NOTHING";
  private static final String[] COUNTS = {
    "sends", "hard", "soft", "complaints", "unsubscribes", "replies"
  };
  private static final String TALLY = tallySql();
  private static final String RECORDED =
      "SELECT scope, target, status, pause_command_id FROM sender_health WHERE tenant_id = $1"
          + " AND (status <> 'HEALTHY' OR (scope, target) IN"
          + " (SELECT * FROM unnest($2::varchar[], $3::varchar[])))";
  private static final String SAVE =
      "INSERT INTO sender_health (tenant_id, scope, target, status, reason, sends, hard_bounces,"
          + " soft_bounces, complaints, unsubscribes, replies, pause_command_id, changed_at)"
          + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
          + " ON CONFLICT (tenant_id, scope, target) DO UPDATE SET status = EXCLUDED.status,"
          + " reason = EXCLUDED.reason, sends = EXCLUDED.sends,"
          + " hard_bounces = EXCLUDED.hard_bounces, soft_bounces = EXCLUDED.soft_bounces,"
          + " complaints = EXCLUDED.complaints, unsubscribes = EXCLUDED.unsubscribes,"
          + " replies = EXCLUDED.replies, pause_command_id = EXCLUDED.pause_command_id,"
          + " changed_at = EXCLUDED.changed_at";
  private static final String FORGET =
      "DELETE FROM health_window WHERE tenant_id = $1 AND scope = $2 AND target = $3";
  private static final String RESUME =
      "WITH old AS (SELECT status, reason FROM sender_health"
          + " WHERE tenant_id = $1 AND scope = $2 AND target = $3 AND status <> 'HEALTHY' FOR UPDATE)"
          + " UPDATE sender_health h SET status = 'HEALTHY', pause_command_id = NULL,"
          + " reason = $4 || old.reason, changed_at = now() FROM old"
          + " WHERE h.tenant_id = $1 AND h.scope = $2 AND h.target = $3"
          + " RETURNING old.status AS previous, h.reason, h.sends, h.hard_bounces AS hard,"
          + " h.soft_bounces AS soft, h.complaints, h.unsubscribes, h.replies";
  private static final String THRESHOLDS =
      "SELECT hard_bounce_warn, hard_bounce_pause, complaint_warn, complaint_pause, min_sends,"
          + " complaint_min_sends FROM health_threshold WHERE tenant_id = $1";

  /** Marks an event handled; false when it already was. */
  public Uni<Boolean> markProcessed(SqlConnection c, String eventId, String tenantId) {
    return c.preparedQuery(MARK)
        .execute(Tuple.of(eventId, tenantId))
        .map(rows -> rows.rowCount() == 1);
  }

  /**
   * Adds {@code delta} to each subject's rolling window (a full bucket becomes the previous one)
   * and returns each subject's figures after it.
   */
  public Uni<Map<HealthSubject, HealthFigures>> tally(
      SqlConnection c, String tenantId, Map<HealthSubject, HealthFigures> deltas, int windowSends) {
    int n = deltas.size();
    String[] scopes = new String[n];
    String[] targets = new String[n];
    long[][] counts = new long[COUNTS.length][n];
    int i = 0;
    for (Map.Entry<HealthSubject, HealthFigures> e : deltas.entrySet()) {
      scopes[i] = e.getKey().scope().name();
      targets[i] = e.getKey().target();
      long[] d = values(e.getValue());
      for (int k = 0; k < COUNTS.length; k++) {
        counts[k][i] = d[k];
      }
      i++;
    }
    Object[] params = new Object[4 + COUNTS.length];
    params[0] = tenantId;
    params[1] = scopes;
    params[2] = targets;
    params[3] = windowSends;
    for (int k = 0; k < COUNTS.length; k++) {
      params[4 + k] = Arrays.stream(counts[k]).boxed().toArray(Long[]::new);
    }
    return c.preparedQuery(TALLY)
        .execute(Tuple.from(Arrays.asList(params)))
        .map(
            rows -> {
              Map<HealthSubject, HealthFigures> out = new HashMap<>();
              for (Row r : rows) {
                out.put(subject(r), figures(r));
              }
              return out;
            });
  }

  /** The recorded health of these subjects and of every unhealthy sender of the tenant. */
  public Uni<Map<HealthSubject, HealthJudge.Recorded>> recorded(
      SqlConnection c, String tenantId, List<HealthSubject> subjects) {
    String[] scopes = subjects.stream().map(s -> s.scope().name()).toArray(String[]::new);
    String[] targets = subjects.stream().map(HealthSubject::target).toArray(String[]::new);
    return c.preparedQuery(RECORDED)
        .execute(Tuple.of(tenantId, scopes, targets))
        .map(
            rows -> {
              Map<HealthSubject, HealthJudge.Recorded> out = new HashMap<>();
              for (Row r : rows) {
                out.put(
                    subject(r),
                    new HealthJudge.Recorded(
                        SenderHealth.Status.valueOf(r.getString("status")),
                        r.getString("pause_command_id")));
              }
              return out;
            });
  }

  /** Records a subject's new status with the figures that decided it. */
  public Uni<Void> save(
      SqlConnection c,
      String tenantId,
      HealthSubject s,
      SenderHealth.Status status,
      String reason,
      HealthFigures f,
      String pauseCommandId,
      Instant at) {
    return c.preparedQuery(SAVE)
        .execute(
            Tuple.from(
                Arrays.asList(
                    tenantId,
                    s.scope().name(),
                    s.target(),
                    status.name(),
                    reason,
                    f.sends(),
                    f.hardBounces(),
                    f.softBounces(),
                    f.complaints(),
                    f.unsubscribes(),
                    f.replies(),
                    pauseCommandId,
                    at.atOffset(ZoneOffset.UTC))))
        .replaceWithVoid();
  }

  /** Empties the subject's rolling window: it starts afresh (after a resume). */
  public Uni<Void> forget(SqlConnection c, String tenantId, HealthSubject s) {
    return c.preparedQuery(FORGET)
        .execute(Tuple.of(tenantId, s.scope().name(), s.target()))
        .replaceWithVoid();
  }

  /**
   * A sender's health after a resume: healthy again, the figures of its breach kept; empty when it
   * was healthy already.
   *
   * @param previous the status before
   * @param reason the new reason (the resume's, then the breach's)
   * @param figures the figures of the breach
   */
  public record Resumed(SenderHealth.Status previous, String reason, HealthFigures figures) {}

  /** Marks the subject healthy after a resume, keeping the figures of what was wrong. */
  public Uni<Optional<Resumed>> resume(
      SqlConnection c, String tenantId, HealthSubject s, String why) {
    return c.preparedQuery(RESUME)
        .execute(Tuple.of(tenantId, s.scope().name(), s.target(), why))
        .map(
            rows ->
                rows.size() == 0 ? Optional.empty() : Optional.of(resumed(rows.iterator().next())));
  }

  private static Resumed resumed(Row r) {
    return new Resumed(
        SenderHealth.Status.valueOf(r.getString("previous")), r.getString("reason"), figures(r));
  }

  /** The tenant's own thresholds, if it set any. */
  public Uni<Optional<HealthThresholds>> thresholds(SqlConnection c, String tenantId) {
    return c.preparedQuery(THRESHOLDS)
        .execute(Tuple.of(tenantId))
        .map(
            rows -> {
              if (rows.size() == 0) {
                return Optional.empty();
              }
              Row r = rows.iterator().next();
              return Optional.of(
                  new HealthThresholds(
                      r.getDouble("hard_bounce_warn"),
                      r.getDouble("hard_bounce_pause"),
                      r.getDouble("complaint_warn"),
                      r.getDouble("complaint_pause"),
                      r.getInteger("min_sends"),
                      r.getInteger("complaint_min_sends")));
            });
  }

  static HealthSubject subject(Row r) {
    return new HealthSubject(
        SenderHealth.Scope.valueOf(r.getString("scope")), r.getString("target"));
  }

  static HealthFigures figures(Row r) {
    return new HealthFigures(
        r.getLong("sends"),
        r.getLong("hard"),
        r.getLong("soft"),
        r.getLong("complaints"),
        r.getLong("unsubscribes"),
        r.getLong("replies"));
  }

  private static long[] values(HealthFigures f) {
    return new long[] {
      f.sends(), f.hardBounces(), f.softBounces(), f.complaints(), f.unsubscribes(), f.replies()
    };
  }

  /**
   * One upsert for every subject: when the current bucket would pass {@code $4} sends it becomes
   * the previous bucket and the new counts start the current one.
   */
  private static String tallySql() {
    StringBuilder cols = new StringBuilder();
    StringBuilder sel = new StringBuilder();
    StringBuilder unnest = new StringBuilder();
    StringBuilder set = new StringBuilder();
    StringBuilder ret = new StringBuilder();
    StringBuilder names = new StringBuilder();
    String full = "w.cur_sends + EXCLUDED.cur_sends > $4";
    for (int k = 0; k < COUNTS.length; k++) {
      String c = COUNTS[k];
      cols.append(", cur_").append(c).append(", prev_").append(c);
      sel.append(", d").append(k).append(", 0");
      unnest.append(", $").append(5 + k).append("::bigint[]");
      set.append(k == 0 ? "" : ", ")
          .append("prev_")
          .append(c)
          .append(" = CASE WHEN ")
          .append(full)
          .append(" THEN w.cur_")
          .append(c)
          .append(" ELSE w.prev_")
          .append(c)
          .append(" END, ")
          .append("cur_")
          .append(c)
          .append(" = CASE WHEN ")
          .append(full)
          .append(" THEN EXCLUDED.cur_")
          .append(c)
          .append(" ELSE w.cur_")
          .append(c)
          .append(" + EXCLUDED.cur_")
          .append(c)
          .append(" END");
      names.append(", d").append(k);
      ret.append(", cur_").append(c).append(" + prev_").append(c).append(" AS ").append(c);
    }
    return "INSERT INTO health_window AS w (tenant_id, scope, target"
        + cols
        + ")"
        + " SELECT $1, s, t"
        + sel
        + " FROM unnest($2::varchar[], $3::varchar[]"
        + unnest
        + ") AS u(s, t"
        + names
        + ")"
        + " ON CONFLICT (tenant_id, scope, target) DO UPDATE SET "
        + set
        + " RETURNING scope, target"
        + ret;
  }
}
