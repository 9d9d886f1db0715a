package io.isolane.sending.service;

import io.isolane.contracts.events.TenantState;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.sending.config.ApiConfig;
import io.isolane.servicekit.auth.ApiKeys;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The API's in-memory view of every tenant's state and live API keys ({@link ApiKeys}), re-read
 * from {@code tenant_lane} (which follows tenant.state) every {@code isolane.api.key-refresh}, so
 * requests are authenticated without a call or a query. Only the SHA-256 of each key is known here.
 */
@ApplicationScoped
public class TenantDirectory {
  private static final String ALL =
      "SELECT tenant_id, status, state_version, state FROM tenant_lane";
  private static final Logger LOG = Logger.getLogger(TenantDirectory.class);

  private final Pool pool;
  private final ApiConfig config;
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private volatile Snapshot snapshot = new Snapshot(ApiKeys.NONE, Map.of(), false);
  private Vertx vertx;
  private long timer;

  public TenantDirectory(Pool pool, ApiConfig config) {
    this.pool = pool;
    this.config = config;
  }

  private record Tenant(TenantStatus status, long version, TenantState state) {}

  private record Snapshot(ApiKeys keys, Map<String, Tenant> tenants, boolean loaded) {}

  /** The live key presented as a bearer token, or empty when unknown, revoked or malformed. */
  public Uni<Optional<ApiKeys.ApiKey>> authenticate(String presented) {
    Snapshot current = snapshot;
    if (!current.loaded()) { // first request after start-up: load once, then from memory
      return refresh().map(ignored -> snapshot.keys().authenticate(presented));
    }
    return Uni.createFrom().item(current.keys().authenticate(presented));
  }

  /** The tenant's latest state, if it has one. */
  public Optional<TenantState> state(String tenantId) {
    Tenant tenant = snapshot.tenants().get(tenantId);
    return tenant == null ? Optional.empty() : Optional.ofNullable(tenant.state());
  }

  /** Re-reads on a Vert.x timer: the scheduler extension's resolution is a second. */
  void start(@Observes StartupEvent startup, Vertx vertx) {
    this.vertx = vertx;
    timer =
        vertx.setPeriodic(
            config.keyRefresh().toMillis(),
            id -> {
              if (refreshing.compareAndSet(false, true)) {
                refresh()
                    .subscribe()
                    .with(done -> refreshing.set(false), e -> refreshing.set(false));
              }
            });
  }

  void stop(@Observes ShutdownEvent shutdown) {
    if (vertx != null) {
      vertx.cancelTimer(timer);
    }
  }

  Uni<Void> refresh() {
    return pool.query(ALL)
        .execute()
        .invoke(rows -> snapshot = read(rows, snapshot))
        .replaceWithVoid()
        .onFailure()
        .invoke(e -> LOG.warnf("reading API keys failed; keeping the last ones: %s", e))
        .onFailure()
        .recoverWithNull();
  }

  private static Snapshot read(Iterable<Row> rows, Snapshot previous) {
    Map<String, Tenant> tenants = new HashMap<>();
    List<TenantState> states = new ArrayList<>();
    for (Row row : rows) {
      String tenantId = row.getString("tenant_id");
      Tenant tenant = tenant(row, previous.tenants().get(tenantId));
      tenants.put(tenantId, tenant);
      if (tenant.state() != null) {
        states.add(tenant.state());
      }
    }
    return new Snapshot(ApiKeys.of(states), Map.copyOf(tenants), true);
  }

  private static Tenant tenant(Row row, Tenant previous) {
    long version = row.getLong("state_version");
    TenantStatus status = TenantStatus.valueOf(row.getString("status"));
    if (previous != null && previous.version() == version) {
      return previous; // unchanged: skip parsing the state again
    }
    String json = row.getString("state");
    TenantState state = json == null ? null : LifecycleEvents.read(json, TenantState.class);
    return new Tenant(status, version, state);
  }
}
