package io.isolane.sending.service;

import io.isolane.contracts.events.TenantState;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.sending.config.ApiConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The API's in-memory view of every tenant's state and live API keys, re-read from {@code
 * tenant_lane} (which follows tenant.state) every {@code isolane.api.key-refresh}, so requests are
 * authenticated without a call or a query. Only the SHA-256 of each key is known here.
 */
@ApplicationScoped
public class TenantDirectory {
  private static final String ALL =
      "SELECT tenant_id, status, state_version, state FROM tenant_lane";
  // tenant-service's key format: isk_<20 hex key id>_<43 base64url characters of secret>
  private static final Pattern KEY = Pattern.compile("isk_([0-9a-f]{20})_[A-Za-z0-9_-]{43}");
  private static final Logger LOG = Logger.getLogger(TenantDirectory.class);

  private final Pool pool;
  private final ApiConfig config;
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), false);
  private Vertx vertx;
  private long timer;

  public TenantDirectory(Pool pool, ApiConfig config) {
    this.pool = pool;
    this.config = config;
  }

  /** A live key: whose it is and what it may do. */
  public record Key(String keyId, String tenantId, byte[] sha256, Set<String> scopes) {}

  private record Tenant(TenantStatus status, long version, TenantState state) {}

  private record Snapshot(Map<String, Key> keys, Map<String, Tenant> tenants, boolean loaded) {}

  /** The live key presented as a bearer token, or empty when unknown, revoked or malformed. */
  public Uni<Optional<Key>> authenticate(String presented) {
    Snapshot current = snapshot;
    if (!current.loaded()) { // first request after start-up: load once, then from memory
      return refresh().map(ignored -> check(snapshot, presented));
    }
    return Uni.createFrom().item(check(current, presented));
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

  private static Optional<Key> check(Snapshot current, String presented) {
    Matcher m = KEY.matcher(presented);
    if (!m.matches()) {
      return Optional.empty();
    }
    Key key = current.keys().get(m.group(1));
    byte[] digest = sha256(presented);
    // constant-time comparison of the digests: timing tells nothing about the stored one
    return key != null && MessageDigest.isEqual(key.sha256(), digest)
        ? Optional.of(key)
        : Optional.empty();
  }

  private static Snapshot read(Iterable<Row> rows, Snapshot previous) {
    Map<String, Key> keys = new HashMap<>();
    Map<String, Tenant> tenants = new HashMap<>();
    for (Row row : rows) {
      String tenantId = row.getString("tenant_id");
      Tenant tenant = tenant(row, previous.tenants().get(tenantId));
      tenants.put(tenantId, tenant);
      if (tenant.state() == null
          || tenant.state().apiKeys() == null
          || !takesRequests(tenant.status())) {
        continue; // a deleted tenant's keys no longer open anything
      }
      for (TenantState.ApiKeyDigest k : tenant.state().apiKeys()) {
        keys.put(
            k.keyId(),
            new Key(
                k.keyId(), tenantId, HexFormat.of().parseHex(k.sha256()), Set.copyOf(k.scopes())));
      }
    }
    return new Snapshot(Map.copyOf(keys), Map.copyOf(tenants), true);
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

  private static boolean takesRequests(TenantStatus status) {
    return status != TenantStatus.DELETING
        && status != TenantStatus.DELETED
        && status != TenantStatus.FAILED;
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
