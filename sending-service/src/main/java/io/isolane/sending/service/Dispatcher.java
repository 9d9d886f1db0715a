package io.isolane.sending.service;

import io.isolane.sending.Claim;
import io.isolane.sending.Lane;
import io.isolane.sending.Outcome;
import io.isolane.sending.SendResult;
import io.isolane.sending.client.SesSender;
import io.isolane.sending.config.AwsConfig;
import io.isolane.sending.config.SendingConfig;
import io.isolane.sending.messaging.OwnedPartitions;
import io.isolane.sending.repository.Ledger;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The scheduler. Every tick it asks the {@link Planner} what each owned tenant and each of its
 * mailboxes may send now, claims that much in one statement (transactional first), checks each
 * claim and hands it to SES without waiting; {@link Completions} records what became of them on its
 * own timer, so a round of claims never waits for the last round's outcomes to be written. The
 * consumer never waits on any of this: a tenant's backlog or suspension only ever holds its own
 * queue.
 */
@ApplicationScoped
public class Dispatcher {
  private static final Logger LOG = Logger.getLogger(Dispatcher.class);
  // a round never holds up the next one for long, whatever hangs
  private static final Duration TICK_TIMEOUT = Duration.ofSeconds(30);
  private static final Executor SDK_CALLS = Infrastructure.getDefaultWorkerPool();

  private final Lanes lanes;
  private final AccountRates accounts;
  private final Planner planner;
  private final MailboxPacing pacing;
  private final DomainPacing domains;
  private final Suppressions suppressions;
  private final Preparation preparation;
  private final OwnedPartitions owned;
  private final Ledger ledger;
  private final SesSender ses;
  private final Completions completions;
  private final DailyCounts daily;
  private final SendingConfig config;
  private final int maxInFlight;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Rounds rounds = new Rounds();
  private final TickReport report = new TickReport();

  public Dispatcher(
      Lanes lanes,
      AccountRates accounts,
      Planner planner,
      MailboxPacing pacing,
      DomainPacing domains,
      Suppressions suppressions,
      Preparation preparation,
      OwnedPartitions owned,
      Ledger ledger,
      SesSender ses,
      Completions completions,
      DailyCounts daily,
      SendingConfig config,
      AwsConfig aws) {
    this.lanes = lanes;
    this.accounts = accounts;
    this.planner = planner;
    this.pacing = pacing;
    this.domains = domains;
    this.suppressions = suppressions;
    this.preparation = preparation;
    this.owned = owned;
    this.ledger = ledger;
    this.ses = ses;
    this.completions = completions;
    this.daily = daily;
    this.config = config;
    this.maxInFlight = aws.maxConcurrency();
  }

  /** Starts ticking every {@code tick}. */
  void start(@Observes StartupEvent startup, Vertx vertx) {
    rounds.start(vertx, config.tick(), this::tick);
  }

  void stop(@Observes ShutdownEvent shutdown) {
    rounds.stop();
  }

  Uni<Void> tick() {
    long now = System.nanoTime();
    report.ticked(now);
    accounts.throttled(completions.throttlesSinceAsked(), now);
    return accounts
        .current(now)
        .chain(rate -> rate == null ? Uni.createFrom().voidItem() : dispatch(rate, now))
        .ifNoItem()
        .after(TICK_TIMEOUT)
        .fail()
        .onFailure()
        .recoverWithUni(
            e -> {
              LOG.warnf("scheduling round failed, next tick retries: %s", e.toString());
              return Uni.createFrom().voidItem();
            });
  }

  private Uni<Void> dispatch(AccountRate rate, long now) {
    return pacing
        .refresh(now, config.limitsRefresh().toNanos())
        .chain(() -> domains.refresh(now, config.limitsRefresh().toNanos()))
        .chain(() -> lanes.current(now, config.laneRefresh().toNanos()))
        .chain(
            all ->
                daily
                    .today()
                    .map(counts -> planner.plan(all, counts, tokens(rate, now), now))
                    .invoke(
                        plan ->
                            report.maybeLog(
                                all, lanes, plan, owned.share(), rate, inFlight.get(), now)))
        .chain(
            plan -> plan.isEmpty() ? Uni.createFrom().voidItem() : claimAndSend(plan, rate, now));
  }

  /** What the account's rate and the calls in flight leave for this tick. */
  private int tokens(AccountRate rate, long now) {
    rate.share(owned.share(), now);
    return Math.min(rate.available(now), Math.max(0, maxInFlight - inFlight.get()));
  }

  private Uni<Void> claimAndSend(Plan plan, AccountRate rate, long now) {
    Uni<List<Claim>> drained =
        plan.drains.isEmpty()
            ? Uni.createFrom().item(List.of())
            : ledger.drain(plan.drains.keySet().toArray(String[]::new), config.maxClaimPerTenant());
    Uni<List<Claim>> claimed =
        plan.quotas.isEmpty()
            ? Uni.createFrom().item(List.of())
            : ledger.claim(
                plan.tenants(),
                plan.tenantQuotas(),
                plan.probeTenants(),
                plan.probeMailboxes(),
                plan.probeAllowances());
    return Uni.combine()
        .all()
        .unis(drained, claimed)
        .with((d, c) -> counted(plan, d, c, rate, now))
        .chain(claims -> suppressions.among(claims).invoke(s -> sendAll(plan, claims, s)))
        .replaceWithVoid();
  }

  /** Counts the claims against the limits; remembers mailboxes that had nothing queued. */
  private List<Claim> counted(
      Plan plan, List<Claim> drained, List<Claim> claimed, AccountRate rate, long now) {
    long backoff = now + config.emptyLaneBackoff().toNanos();
    if (drained.size() < config.maxClaimPerTenant()) {
      plan.drains.keySet().forEach(t -> lanes.empty(t, "", backoff));
    }
    Map<String, Integer> perTenant = new HashMap<>();
    Map<String, Integer> perMailbox = new HashMap<>();
    for (Claim c : claimed) {
      perTenant.merge(c.request().tenantId(), 1, Integer::sum);
      perMailbox.merge(
          c.request().tenantId() + "/" + c.request().mailbox().toLowerCase(Locale.ROOT),
          1,
          Integer::sum);
    }
    plan.quotas.forEach(
        (tenant, q) -> {
          int n = perTenant.getOrDefault(tenant, 0);
          planner.claimed(tenant, n);
          rate.take(n);
          daily.add(tenant, n);
        });
    for (Plan.Probe p : plan.probes) {
      boolean cut =
          perTenant.getOrDefault(p.tenantId(), 0) >= plan.quotas.get(p.tenantId()).quota();
      if (!cut && perMailbox.getOrDefault(p.tenantId() + "/" + p.mailbox(), 0) < p.allowance()) {
        lanes.empty(p.tenantId(), p.mailbox(), backoff);
      }
    }
    List<Claim> all = new ArrayList<>(drained);
    all.addAll(claimed);
    return all;
  }

  private void sendAll(Plan plan, List<Claim> claims, Set<String> suppressed) {
    for (Claim claim : claims) {
      send(claim, plan.lane(claim.request().tenantId()), suppressed);
    }
  }

  private void send(Claim claim, Lane lane, Set<String> suppressed) {
    Instant now = Instant.now();
    Preparation.Prepared prepared =
        preparation.of(claim, lane, suppressed, now, now.plus(config.requeueDelay()));
    if (prepared.outcome() != null) {
      completions.settled(prepared.outcome(), lane);
      return;
    }
    String mailbox = claim.request().mailbox();
    String domain = claim.recipientDomain();
    Instant capped = pacing.domainCappedUntil(lane.tenantId(), mailbox, domain, now);
    if (capped != null) {
      String reason = "hourly cap of " + mailbox + " for " + domain + " reached";
      completions.settled(Outcome.deferred(claim, reason, capped), lane);
      return;
    }
    pacing.sent(lane.tenantId(), mailbox, domain, now);
    domains.sent(lane.tenantId(), mailbox, now);
    inFlight.incrementAndGet();
    // building and signing the SDK request costs more than all the scheduling: off the event loop
    CompletableFuture.supplyAsync(() -> ses.send(prepared.email()), SDK_CALLS)
        .thenCompose(call -> call)
        .whenComplete(
            (result, error) -> {
              inFlight.decrementAndGet();
              SendResult answer =
                  result != null ? result : new SendResult.Unknown("SES call failed: " + error);
              completions.answered(claim, lane, answer, prepared.note());
            });
  }
}
