package io.isolane.warmup.service;

import io.isolane.warmup.KnownTenant;
import io.isolane.warmup.SenderKind;
import io.isolane.warmup.SenderWarmup;
import io.isolane.warmup.client.DedicatedIps;
import io.isolane.warmup.config.WarmupConfig;
import io.isolane.warmup.repository.SenderWarmupRepository;
import io.isolane.warmup.repository.TenantRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Enrolls the dedicated IPs of tenants that warm them by plan: lists each of the tenant's pools
 * (from tenant.state) with SES's GetDedicatedIps, enrolls every IP not yet enrolled as the
 * dedicated-ips API does, and retires an enrolled IP SES no longer lists in those pools (it comes
 * back if it returns). One tenant per transaction, locked with SKIP LOCKED, so several instances
 * share the tenants; (tenant, sender) is unique, so a repeated run enrolls nobody twice.
 */
@ApplicationScoped
public class IpDiscovery {
  private static final Logger LOG = Logger.getLogger(IpDiscovery.class);
  // most tenants listed in one run, so a run stays short; the rest are due on the next one
  private static final int MAX_PER_RUN = 50;

  private final TenantRepository tenants;
  private final SenderWarmupRepository senders;
  private final DedicatedIps ses;
  private final EnrollmentService enrollment;
  private final WarmupConfig config;

  public IpDiscovery(
      TenantRepository tenants,
      SenderWarmupRepository senders,
      DedicatedIps ses,
      EnrollmentService enrollment,
      WarmupConfig config) {
    this.tenants = tenants;
    this.senders = senders;
    this.ses = ses;
    this.enrollment = enrollment;
    this.config = config;
  }

  /** Lists the pools of every due tenant; returns how many tenants. */
  public Uni<Integer> runUntilDone() {
    return next(0);
  }

  private Uni<Integer> next(int done) {
    if (done >= MAX_PER_RUN) {
      return Uni.createFrom().item(done);
    }
    // wall-clock time, not the warm-up Clock: this is a polling cadence, not a warm-up day
    Instant before = Instant.now().minus(config.ipDiscoveryInterval());
    return Panache.withTransaction(
            () -> tenants.lockDueForDiscovery(before).call(t -> t == null ? none() : discover(t)))
        .chain(t -> t == null ? Uni.createFrom().item(done) : next(done + 1));
  }

  private Uni<Void> discover(KnownTenant tenant) {
    return Multi.createFrom()
        .iterable(Arrays.stream(tenant.ipPools.split(",")).filter(p -> !p.isEmpty()).toList())
        .onItem()
        .transformToUniAndConcatenate(pool -> ses.ipsOf(pool).map(ips -> Map.entry(pool, ips)))
        .collect()
        .asList()
        .onFailure()
        .recoverWithItem(
            e -> {
              // SES failed: try again after the interval rather than at once, in a loop
              LOG.warnf("listing the IP pools of %s failed: %s", tenant.tenantId, e.toString());
              return null;
            })
        .chain(listed -> listed == null ? none() : reconcile(tenant, poolByIp(listed)))
        .invoke(() -> tenant.ipsDiscoveredAt = Instant.now());
  }

  private Uni<Void> reconcile(KnownTenant tenant, Map<String, String> poolByIp) {
    return senders
        .lockAllOf(tenant.tenantId)
        .chain(
            all -> {
              for (SenderWarmup s : all) {
                if (s.kind == SenderKind.IP) {
                  s.leftPool = !poolByIp.containsKey(s.sender);
                  s.retired = s.leftPool;
                  poolByIp.remove(s.sender);
                }
              }
              return Multi.createFrom()
                  .iterable(poolByIp.entrySet())
                  .onItem()
                  .transformToUniAndConcatenate(
                      ip ->
                          enrollment.enroll(
                              tenant,
                              ip.getKey(),
                              SenderKind.IP,
                              "enrolled: discovered in pool " + ip.getValue()))
                  .collect()
                  .last()
                  .replaceWithVoid();
            });
  }

  /** Each IP and the first of the tenant's pools SES lists it in. */
  private static Map<String, String> poolByIp(List<Map.Entry<String, List<String>>> listed) {
    Map<String, String> found = new LinkedHashMap<>();
    listed.forEach(pool -> pool.getValue().forEach(ip -> found.putIfAbsent(ip, pool.getKey())));
    return found;
  }

  private static Uni<Void> none() {
    return Uni.createFrom().voidItem();
  }
}
