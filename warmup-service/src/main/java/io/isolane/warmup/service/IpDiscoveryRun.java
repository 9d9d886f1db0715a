package io.isolane.warmup.service;

import io.isolane.warmup.config.WarmupConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Runs {@link IpDiscovery} every {@code tick} (each tenant is due every {@code
 * ip-discovery-interval}), and at once when a tenant switches to plan warm-up or gains a pool; the
 * IPs it enrolls reach SES as a warm-up percentage in the same run.
 */
@ApplicationScoped
public class IpDiscoveryRun {
  private static final Logger LOG = Logger.getLogger(IpDiscoveryRun.class);

  private final IpDiscovery discovery;
  private final IpWarmupSync ipSync;
  private final WarmupConfig config;
  private Periodic timer;

  public IpDiscoveryRun(IpDiscovery discovery, IpWarmupSync ipSync, WarmupConfig config) {
    this.discovery = discovery;
    this.ipSync = ipSync;
    this.config = config;
  }

  void start(@Observes StartupEvent startup, Vertx vertx) {
    timer = new Periodic(vertx, config.tick(), this::run);
  }

  void stop(@Observes ShutdownEvent shutdown) {
    if (timer != null) {
      timer.cancel();
    }
  }

  /** Looks for due tenants now; call after committing what made one due. */
  public void runNow() {
    if (timer != null) {
      timer.runNow();
    }
  }

  Uni<Void> run() {
    return discovery
        .runUntilDone()
        .invoke(n -> LOG.debugf("listed the IP pools of %d tenants", n))
        .call(ipSync::syncOnce)
        .onFailure()
        .invoke(e -> LOG.warnf(e, "IP discovery failed; it will retry"))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }
}
