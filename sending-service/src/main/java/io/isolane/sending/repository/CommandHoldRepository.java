package io.isolane.sending.repository;

import io.isolane.contracts.events.TenantCommand;
import io.isolane.sending.CommandHold;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Pause and resume commands held until the tenant's next state. */
@ApplicationScoped
public class CommandHoldRepository {
  // Applied to the lane's current state version, unless the state is already newer than the
  // command (tenant-service applied it, or something later superseded it) or no lane exists.
  private static final String HOLD =
      "INSERT INTO command_hold (tenant_id, scope, target, action, reason, lane_version,"
          + " command_id, issued_at)"
          + " SELECT l.tenant_id, $2, $3, $4, $5, l.state_version, $6, $7 FROM tenant_lane l"
          + " WHERE l.tenant_id = $1"
          + " AND coalesce((l.state::jsonb ->> 'updatedAt')::timestamptz, '-infinity') <= $7"
          + " ON CONFLICT (tenant_id, scope, target) DO UPDATE SET action = EXCLUDED.action,"
          + " reason = EXCLUDED.reason, lane_version = EXCLUDED.lane_version,"
          + " command_id = EXCLUDED.command_id, issued_at = EXCLUDED.issued_at"
          + " WHERE command_hold.issued_at <= EXCLUDED.issued_at";
  // holds for state versions the lane has left behind no longer matter
  private static final String CURRENT =
      "SELECT h.* FROM command_hold h JOIN tenant_lane l ON l.tenant_id = h.tenant_id"
          + " AND l.state_version = h.lane_version";

  private final Pool pool;

  public CommandHoldRepository(Pool pool) {
    this.pool = pool;
  }

  /** Holds the command; returns whether it applied. */
  public Uni<Boolean> hold(TenantCommand c, String target) {
    return pool.preparedQuery(HOLD)
        .execute(
            Tuple.from(
                Arrays.asList(
                    c.tenantId(),
                    c.scope().name(),
                    target,
                    c.action().name(),
                    c.reason(),
                    c.commandId(),
                    c.issuedAt().atOffset(ZoneOffset.UTC))))
        .map(rows -> rows.rowCount() > 0);
  }

  /** The holds that still apply, per tenant. */
  public Uni<Map<String, List<CommandHold>>> current() {
    return pool.query(CURRENT)
        .execute()
        .map(
            rows -> {
              List<CommandHold> holds = new ArrayList<>();
              for (Row r : rows) {
                holds.add(hold(r));
              }
              return holds.stream().collect(Collectors.groupingBy(CommandHold::tenantId));
            });
  }

  private static CommandHold hold(Row r) {
    return new CommandHold(
        r.getString("tenant_id"),
        TenantCommand.Scope.valueOf(r.getString("scope")),
        r.getString("target"),
        TenantCommand.Action.valueOf(r.getString("action")),
        r.getString("reason"),
        r.getLong("lane_version"));
  }
}
