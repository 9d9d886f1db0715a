package io.isolane.sending.service;

import io.isolane.contracts.events.TenantState;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.sending.CommandHold;
import io.isolane.sending.Lane;
import io.isolane.sending.repository.CommandHoldRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The scheduler's view of every tenant lane, re-read from the database at most every {@code
 * refresh} (or at once after a command) so that a pause or resume takes effect within it, with the
 * command holds that still apply. Also remembers which lanes SES paused (until a newer
 * tenant.state) and which mailboxes looked empty a moment ago.
 */
@ApplicationScoped
public class Lanes {
  // Every refresh reads the narrow columns of every lane, and the full state (kilobytes each) only
  // of lanes whose version changed since the last read.
  private static final String VERSIONS =
      "SELECT tenant_id, status, max_per_second, max_per_day, state_version FROM tenant_lane";
  private static final String CHANGED =
      "SELECT tenant_id, status, max_per_second, max_per_day, state_version, state"
          + " FROM tenant_lane WHERE tenant_id = ANY($1::text[])";

  private static final Logger LOG = Logger.getLogger(Lanes.class);

  private final Pool pool;
  private final CommandHoldRepository holds;
  private final Map<String, Long> sesPaused = new ConcurrentHashMap<>();
  // per tenant, per mailbox: nothing was queued a moment ago
  private final Map<String, Map<String, Long>> emptyUntil = new ConcurrentHashMap<>();
  private volatile Map<String, Lane> lanes = Map.of();
  private volatile long refreshedAt;

  public Lanes(Pool pool, CommandHoldRepository holds) {
    this.pool = pool;
    this.holds = holds;
  }

  /** A pause or resume was held: re-read the lanes on the next tick. */
  void stale() {
    refreshedAt = 0;
  }

  /** The lane as last read (with holds applied), or null. */
  public Lane lane(String tenantId) {
    return lanes.get(tenantId);
  }

  /** Every lane, re-read when older than {@code refreshNanos}. */
  Uni<Collection<Lane>> current(long nowNanos, long refreshNanos) {
    if (refreshedAt != 0 && nowNanos - refreshedAt < refreshNanos) {
      return Uni.createFrom().item(lanes.values());
    }
    return holds
        .current()
        .chain(held -> read().map(rows -> Map.entry(held, rows)))
        .map(
            read -> {
              Map<String, Lane> fresh = new HashMap<>();
              for (Lane lane : read.getValue()) {
                fresh.put(
                    lane.tenantId(),
                    CommandHold.apply(
                        lane, read.getKey().getOrDefault(lane.tenantId(), List.of())));
              }
              lanes = fresh;
              refreshedAt = nowNanos;
              return fresh.values();
            });
  }

  /** Every lane: unchanged ones with the state already parsed, changed ones read in full. */
  private Uni<List<Lane>> read() {
    return pool.query(VERSIONS)
        .execute()
        .chain(
            rows -> {
              List<Lane> unchanged = new ArrayList<>();
              List<String> changed = new ArrayList<>();
              for (Row row : rows) {
                Lane previous = lanes.get(row.getString("tenant_id"));
                if (previous != null && previous.version() == row.getLong("state_version")) {
                  unchanged.add(lane(row, previous.state()));
                } else {
                  changed.add(row.getString("tenant_id"));
                }
              }
              return changed.isEmpty()
                  ? Uni.createFrom().item(unchanged)
                  : pool.preparedQuery(CHANGED)
                      .execute(Tuple.of(changed.toArray(String[]::new)))
                      .map(full -> withChanged(unchanged, full));
            });
  }

  private static List<Lane> withChanged(List<Lane> unchanged, RowSet<Row> full) {
    for (Row row : full) {
      String json = row.getString("state");
      unchanged.add(lane(row, json == null ? null : LifecycleEvents.read(json, TenantState.class)));
    }
    return unchanged;
  }

  /** Whether the tenant may send now (active, and SES has not paused it since its state). */
  boolean sendable(Lane lane) {
    Long pausedAt = sesPaused.get(lane.tenantId());
    return lane.status() == TenantStatus.ACTIVE && (pausedAt == null || pausedAt < lane.version());
  }

  /** Whether the mailbox (or, with "", a deleted lane as a whole) may have queued mail now. */
  boolean mayHaveMail(String tenantId, String mailbox, long nowNanos) {
    Map<String, Long> empty = emptyUntil.get(tenantId);
    Long until = empty == null ? null : empty.get(mailbox);
    return until == null || until < nowNanos;
  }

  /** SES refused to send for the tenant: hold it until its state changes. */
  void pausedBySes(Lane lane) {
    if (sesPaused.put(lane.tenantId(), lane.version()) == null) {
      LOG.warnf(
          "SES paused tenant %s (state version %d): holding its mail",
          lane.tenantId(), lane.version());
    }
  }

  /** Nothing of the mailbox was queued: skip it for a moment. */
  void empty(String tenantId, String mailbox, long untilNanos) {
    emptyUntil.computeIfAbsent(tenantId, t -> new ConcurrentHashMap<>()).put(mailbox, untilNanos);
  }

  /** New mail arrived for the tenant. */
  public void backlog(String tenantId) {
    emptyUntil.remove(tenantId);
  }

  private static Lane lane(Row row, TenantState state) {
    return Lane.of(
        row.getString("tenant_id"),
        TenantStatus.valueOf(row.getString("status")),
        row.getInteger("max_per_second"),
        row.getInteger("max_per_day"),
        row.getLong("state_version"),
        state);
  }
}
