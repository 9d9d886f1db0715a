package io.isolane.sending.service;

import io.isolane.contracts.events.TenantState;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.sending.Lane;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The scheduler's view of every tenant lane, re-read from the database at most every {@code
 * refresh} so that a pause or resume takes effect within it. Also remembers which lanes SES paused
 * (until a newer tenant.state) and which looked empty a moment ago.
 */
@ApplicationScoped
public class Lanes {
  private static final String ALL =
      "SELECT tenant_id, status, max_per_second, max_per_day, state_version, state FROM tenant_lane";

  private static final Logger LOG = Logger.getLogger(Lanes.class);

  private final Pool pool;
  private final Map<String, Long> sesPaused = new ConcurrentHashMap<>();
  private final Map<String, Long> emptyUntil = new ConcurrentHashMap<>();
  private volatile Map<String, Lane> lanes = Map.of();
  private volatile long refreshedAt;

  public Lanes(Pool pool) {
    this.pool = pool;
  }

  /** Every lane, re-read when older than {@code refreshNanos}. */
  Uni<Collection<Lane>> current(long nowNanos, long refreshNanos) {
    if (refreshedAt != 0 && nowNanos - refreshedAt < refreshNanos) {
      return Uni.createFrom().item(lanes.values());
    }
    return pool.query(ALL)
        .execute()
        .map(
            rows -> {
              Map<String, Lane> fresh = new HashMap<>();
              for (Row row : rows) {
                Lane lane = lane(row, lanes.get(row.getString("tenant_id")));
                fresh.put(lane.tenantId(), lane);
              }
              lanes = fresh;
              refreshedAt = nowNanos;
              return fresh.values();
            });
  }

  /** Whether the scheduler should look for this lane's mail now. */
  boolean sendable(Lane lane, long nowNanos) {
    Long pausedAt = sesPaused.get(lane.tenantId());
    Long empty = emptyUntil.get(lane.tenantId());
    return lane.status() == TenantStatus.ACTIVE
        && (pausedAt == null || pausedAt < lane.version())
        && (empty == null || empty < nowNanos);
  }

  /** Whether a deleted lane may still have queued mail to cancel. */
  boolean drainable(Lane lane, long nowNanos) {
    Long empty = emptyUntil.get(lane.tenantId());
    return empty == null || empty < nowNanos;
  }

  /** SES refused to send for the tenant: hold it until its state changes. */
  void pausedBySes(Lane lane) {
    if (sesPaused.put(lane.tenantId(), lane.version()) == null) {
      LOG.warnf(
          "SES paused tenant %s (state version %d): holding its mail",
          lane.tenantId(), lane.version());
    }
  }

  /** Nothing was queued: skip the lane for a moment. */
  void empty(String tenantId, long untilNanos) {
    emptyUntil.put(tenantId, untilNanos);
  }

  /** New mail arrived for the tenant. */
  public void backlog(String tenantId) {
    emptyUntil.remove(tenantId);
  }

  private static Lane lane(Row row, Lane previous) {
    long version = row.getLong("state_version");
    String json = row.getString("state");
    TenantState state =
        previous != null && previous.version() == version
            ? previous.state()
            : json == null ? null : LifecycleEvents.read(json, TenantState.class);
    return new Lane(
        row.getString("tenant_id"),
        TenantStatus.valueOf(row.getString("status")),
        row.getInteger("max_per_second"),
        row.getInteger("max_per_day"),
        version,
        state);
  }
}
