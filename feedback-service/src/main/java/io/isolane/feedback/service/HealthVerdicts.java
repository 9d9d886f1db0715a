package io.isolane.feedback.service;

import io.isolane.feedback.HealthFigures;
import io.isolane.feedback.HealthJudge;
import io.isolane.feedback.HealthSubject;
import io.isolane.feedback.HealthThresholds;
import io.isolane.feedback.config.HealthConfig;
import io.isolane.feedback.repository.BatchWrites;
import io.isolane.feedback.repository.HealthRepository;
import io.isolane.servicekit.outbox.OutboxRow;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Judges a tenant's senders on their new rolling figures against the tenant's own thresholds (or
 * the configured ones). Each change is saved and published (sender.health), and a breach pauses the
 * smallest scope that explains it (tenant.commands), in the caller's transaction.
 */
@ApplicationScoped
public class HealthVerdicts {
  private final HealthRepository health;
  private final HealthEvents events;
  private final HealthConfig config;
  private final BatchWrites writes;

  public HealthVerdicts(
      HealthRepository health, HealthEvents events, HealthConfig config, BatchWrites writes) {
    this.health = health;
    this.events = events;
    this.config = config;
    this.writes = writes;
  }

  /** How many of a sender's latest sends its rolling window holds. */
  int windowSends() {
    return config.windowSends();
  }

  /** The configured thresholds, for tenants without their own. */
  public HealthThresholds defaults() {
    return new HealthThresholds(
        config.hardBounceWarn(),
        config.hardBouncePause(),
        config.complaintWarn(),
        config.complaintPause(),
        config.minSends(),
        config.complaintMinSends());
  }

  Uni<Void> judge(SqlConnection c, String tenantId, Map<HealthSubject, HealthFigures> figures) {
    return health
        .thresholds(c, tenantId)
        .chain(
            own ->
                health
                    .recorded(c, tenantId, List.copyOf(figures.keySet()))
                    .map(rec -> HealthJudge.changes(figures, rec, own.orElseGet(this::defaults))))
        .chain(changes -> apply(c, tenantId, changes));
  }

  private Uni<Void> apply(SqlConnection c, String tenantId, List<HealthJudge.Change> changes) {
    Instant now = Instant.now();
    List<OutboxRow> rows = new ArrayList<>();
    for (HealthJudge.Change ch : changes) {
      String reason = ch.verdict().reason();
      rows.add(
          OutboxRow.of(
              events.health(
                  tenantId,
                  ch.subject(),
                  ch.verdict().status(),
                  ch.previous(),
                  ch.figures(),
                  reason,
                  ch.pauseCommandId(),
                  now)));
      if (ch.pauseCommandId() != null) {
        rows.add(
            OutboxRow.of(events.pause(tenantId, ch.subject(), ch.pauseCommandId(), reason, now)));
      }
    }
    return Multi.createFrom()
        .iterable(changes)
        .onItem()
        .transformToUniAndConcatenate(
            ch ->
                health.save(
                    c,
                    tenantId,
                    ch.subject(),
                    ch.verdict().status(),
                    ch.verdict().reason(),
                    ch.figures(),
                    ch.pauseCommandId(),
                    now))
        .collect()
        .last()
        .chain(() -> writes.outbox(c, rows));
  }
}
