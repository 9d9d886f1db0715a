package io.isolane.sending.service;

import io.isolane.sending.Lane;
import io.isolane.sending.TokenBucket;
import io.isolane.sending.config.SendingConfig;
import io.isolane.sending.messaging.OwnedPartitions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Works out what each owned tenant may send this tick: its own rate and daily limit, a fair share
 * of the account's rate (only tenants with a mailbox that can send now take part), and per mailbox
 * what warm-up allows: its own limits, and what is left of its sending domain's daily cap (shared
 * by the domain's mailboxes within the tick). Deleted tenants with queued mail are drained
 * (cancelled).
 */
@ApplicationScoped
public class Planner {
  private final Lanes lanes;
  private final OwnedPartitions owned;
  private final MailboxPacing pacing;
  private final DomainPacing domains;
  private final SendingConfig config;
  private final Map<String, TokenBucket> tenantRates = new ConcurrentHashMap<>();
  private int rotation;

  public Planner(
      Lanes lanes,
      OwnedPartitions owned,
      MailboxPacing pacing,
      DomainPacing domains,
      SendingConfig config) {
    this.lanes = lanes;
    this.owned = owned;
    this.pacing = pacing;
    this.domains = domains;
    this.config = config;
  }

  Plan plan(Collection<Lane> all, DailyCounts.Today counts, int tokens, long nowNanos) {
    Instant now = Instant.now();
    Plan plan = new Plan();
    List<Lane> sending = new ArrayList<>();
    List<Integer> budgets = new ArrayList<>();
    for (Lane lane : all) {
      if (!owned.owns(lane.tenantId())) {
        continue;
      }
      if (lane.deleted() && lanes.mayHaveMail(lane.tenantId(), "", nowNanos)) {
        plan.drains.put(lane.tenantId(), lane);
      } else if (lanes.sendable(lane) && anyMailbox(lane, now, nowNanos)) {
        long leftToday = lane.maxPerDay() - counts.of(lane.tenantId());
        int budget = (int) Math.min(bucket(lane, nowNanos).available(nowNanos), leftToday);
        if (budget > 0) {
          sending.add(lane);
          budgets.add(Math.min(budget, config.maxClaimPerTenant()));
        }
      }
    }
    int[] quotas =
        FairShare.split(tokens, budgets.stream().mapToInt(Integer::intValue).toArray(), rotation++);
    for (int i = 0; i < quotas.length; i++) {
      if (quotas[i] > 0) {
        addProbes(plan, sending.get(i), quotas[i], now, nowNanos);
      }
    }
    return plan;
  }

  /** Messages of the tenant were claimed (and will be paced against its rate). */
  void claimed(String tenantId, int n) {
    TokenBucket bucket = tenantRates.get(tenantId);
    if (bucket != null) {
      bucket.take(n);
    }
  }

  private boolean anyMailbox(Lane lane, Instant now, long nowNanos) {
    for (String mailbox : lane.sendingMailboxes()) {
      if (lanes.mayHaveMail(lane.tenantId(), mailbox, nowNanos)
          && pacing.allowance(lane.tenantId(), mailbox, now, 1) > 0
          && domains.allowance(lane.tenantId(), mailbox, now, 1) > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Per mailbox the least of its own allowance and what its domain has left; what one mailbox may
   * claim is taken off its domain's rest for the others (which start in turn, tick by tick).
   */
  private void addProbes(Plan plan, Lane lane, int quota, Instant now, long nowNanos) {
    plan.quotas.put(lane.tenantId(), new Plan.Quota(lane, quota));
    List<String> mailboxes = lane.sendingMailboxes();
    Map<String, Integer> domainLeft = new HashMap<>();
    int first = mailboxes.isEmpty() ? 0 : Math.floorMod(rotation, mailboxes.size());
    for (int i = 0; i < mailboxes.size(); i++) {
      String mailbox = mailboxes.get((first + i) % mailboxes.size());
      if (lanes.mayHaveMail(lane.tenantId(), mailbox, nowNanos)) {
        int left =
            domainLeft.computeIfAbsent(
                DomainPacing.domainOf(mailbox),
                d -> domains.allowance(lane.tenantId(), mailbox, now, quota));
        int allowance = Math.min(left, pacing.allowance(lane.tenantId(), mailbox, now, quota));
        if (allowance > 0) {
          plan.probes.add(new Plan.Probe(lane.tenantId(), mailbox, allowance));
          domainLeft.put(DomainPacing.domainOf(mailbox), left - allowance);
        }
      }
    }
  }

  private TokenBucket bucket(Lane lane, long now) {
    TokenBucket bucket =
        tenantRates.computeIfAbsent(
            lane.tenantId(), t -> new TokenBucket(lane.maxPerSecond(), now));
    if (bucket.rate() != lane.maxPerSecond()) {
      bucket.rate(lane.maxPerSecond(), now);
    }
    return bucket;
  }
}
