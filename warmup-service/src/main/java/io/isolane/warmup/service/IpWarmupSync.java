package io.isolane.warmup.service;

import io.isolane.warmup.SenderWarmup;
import io.isolane.warmup.client.DedicatedIps;
import io.isolane.warmup.repository.SenderWarmupRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Hands each dedicated IP's warm-up percentage to SES ({@code PutDedicatedIpWarmupAttributes}) once
 * its cap changed: rows whose percentage SES has not acknowledged are locked (SKIP LOCKED, so one
 * instance calls for each), and the acknowledged value is stored. The call is idempotent; a failed
 * one is simply tried again on the next run.
 */
@ApplicationScoped
public class IpWarmupSync {
  private static final Logger LOG = Logger.getLogger(IpWarmupSync.class);
  private static final int BATCH = 50;

  private final SenderWarmupRepository senders;
  private final DedicatedIps ips;

  public IpWarmupSync(SenderWarmupRepository senders, DedicatedIps ips) {
    this.senders = senders;
    this.ips = ips;
  }

  /** One batch; returns how many IPs SES acknowledged. */
  public Uni<Integer> syncOnce() {
    return Panache.withTransaction(() -> senders.lockIpsToSync(BATCH).chain(this::syncAll));
  }

  private Uni<Integer> syncAll(List<SenderWarmup> due) {
    return Multi.createFrom()
        .iterable(due)
        .onItem()
        .transformToUniAndConcatenate(this::sync)
        .collect()
        .with(Collectors.summingInt(Integer::intValue));
  }

  private Uni<Integer> sync(SenderWarmup ip) {
    int percent = ip.ipWarmupPercent;
    return ips.setWarmupPercentage(ip.sender, percent)
        .map(
            ignored -> {
              ip.sesWarmupPercent = percent;
              return 1;
            })
        .onFailure()
        .recoverWithItem(
            e -> {
              LOG.warnf("SES refused warm-up %d%% for %s: %s", percent, ip.sender, e.toString());
              return 0;
            });
  }
}
