package io.isolane.feedback.service;

import io.isolane.contracts.events.TenantState;
import io.isolane.feedback.config.FeedbackConfig;
import io.isolane.feedback.repository.TenantRepository;
import io.isolane.servicekit.auth.ApiKeys;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * This instance's view of every tenant (API keys, domains, tier), re-read from the {@code tenant}
 * table every {@code directory-refresh}: the tenant.state consumer of any instance keeps that
 * table, so every instance knows every tenant whatever partitions it was assigned.
 */
@ApplicationScoped
public class TenantDirectory {
  private static final Logger LOG = Logger.getLogger(TenantDirectory.class);

  private final TenantRepository tenants;
  private final FeedbackConfig config;
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private volatile Snapshot snapshot = new Snapshot(ApiKeys.NONE, Map.of(), Map.of(), false);
  private Vertx vertx;
  private long timer;

  public TenantDirectory(TenantRepository tenants, FeedbackConfig config) {
    this.tenants = tenants;
    this.config = config;
  }

  private record Snapshot(
      ApiKeys keys,
      Map<String, TenantState> byId,
      Map<String, String> tenantByDomain,
      boolean loaded) {}

  /** The live key presented as a bearer token, or empty when unknown, revoked or malformed. */
  public Uni<Optional<ApiKeys.ApiKey>> authenticate(String presented) {
    return current().map(s -> s.keys().authenticate(presented));
  }

  /** The tenant's latest state. */
  public Uni<Optional<TenantState>> state(String tenantId) {
    return current().map(s -> Optional.ofNullable(s.byId().get(tenantId)));
  }

  /** The tenant that owns this domain (case-insensitive), if any. */
  public Uni<Optional<String>> ownerOf(String domain) {
    return current()
        .map(s -> Optional.ofNullable(s.tenantByDomain().get(domain.toLowerCase(Locale.ROOT))));
  }

  /** Reads the table now (tests, and the first request after start-up). */
  public Uni<Void> refresh() {
    return tenants
        .all()
        .invoke(states -> snapshot = index(states))
        .replaceWithVoid()
        .onFailure()
        .invoke(e -> LOG.warnf("reading tenants failed; keeping the last view: %s", e))
        .onFailure()
        .recoverWithNull();
  }

  private Uni<Snapshot> current() {
    Snapshot s = snapshot;
    return s.loaded() ? Uni.createFrom().item(s) : refresh().map(ignored -> snapshot);
  }

  void start(@Observes StartupEvent startup, Vertx vertx) {
    this.vertx = vertx;
    timer =
        vertx.setPeriodic(
            config.directoryRefresh().toMillis(),
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

  private static Snapshot index(List<TenantState> states) {
    Map<String, TenantState> byId = new HashMap<>();
    Map<String, String> byDomain = new HashMap<>();
    for (TenantState state : states) {
      byId.put(state.tenantId(), state);
      if (state.domains() != null) {
        state
            .domains()
            .forEach(d -> byDomain.put(d.name().toLowerCase(Locale.ROOT), state.tenantId()));
      }
    }
    return new Snapshot(ApiKeys.of(states), Map.copyOf(byId), Map.copyOf(byDomain), true);
  }
}
