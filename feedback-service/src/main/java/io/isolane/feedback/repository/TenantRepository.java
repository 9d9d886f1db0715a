package io.isolane.feedback.repository;

import io.isolane.contracts.ContractJson;
import io.isolane.contracts.events.TenantState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The latest tenant.state of each tenant; an older or replayed version never overwrites. */
@ApplicationScoped
public class TenantRepository {
  private static final String UPSERT =
      "INSERT INTO tenant (tenant_id, version, status, state, updated_at)"
          + " VALUES ($1, $2, $3, $4, $5)"
          + " ON CONFLICT (tenant_id) DO UPDATE SET version = EXCLUDED.version,"
          + " status = EXCLUDED.status, state = EXCLUDED.state, updated_at = EXCLUDED.updated_at"
          + " WHERE tenant.version < EXCLUDED.version";
  private static final String ALL = "SELECT state FROM tenant";

  private final Pool pool;

  public TenantRepository(Pool pool) {
    this.pool = pool;
  }

  /** Stores the state unless a newer (or the same) version is already stored. */
  public Uni<Void> save(TenantState state) {
    return pool.preparedQuery(UPSERT)
        .execute(
            Tuple.of(
                state.tenantId(),
                state.version(),
                state.status().name(),
                write(state),
                state.updatedAt().atOffset(ZoneOffset.UTC)))
        .replaceWithVoid();
  }

  /** Every tenant's latest state. */
  public Uni<List<TenantState>> all() {
    return pool.query(ALL)
        .execute()
        .map(
            rows -> {
              List<TenantState> states = new ArrayList<>();
              for (Row row : rows) {
                states.add(read(row.getString("state")));
              }
              return states;
            });
  }

  private static String write(TenantState state) {
    try {
      return ContractJson.mapper().writeValueAsString(state);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TenantState read(String json) {
    try {
      return ContractJson.mapper().readValue(json, TenantState.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
