package io.isolane.sending.service;

import io.isolane.contracts.events.TenantStatus;
import io.isolane.sending.Claim;
import io.isolane.sending.Lane;
import io.isolane.sending.TokenBucket;
import io.isolane.sending.client.SesSender;
import io.isolane.sending.config.AwsConfig;
import io.isolane.sending.config.SendingConfig;
import io.isolane.sending.messaging.OwnedPartitions;
import io.isolane.sending.repository.Ledger;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The scheduler. Every tick it records finished sends, works out what each owned tenant may send
 * now (its rate, its daily limit, a fair share of the account's rate), claims that much of each
 * tenant's queue in one statement (transactional first) and hands the claims to SES without
 * waiting. The consumer never waits on any of this: a tenant's backlog or suspension only ever
 * holds its own queue.
 */
@ApplicationScoped
public class Dispatcher {
  private static final Logger LOG = Logger.getLogger(Dispatcher.class);
  // a round never holds up the next one for long, whatever hangs
  private static final Duration TICK_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration ACCOUNT_READ_TIMEOUT = Duration.ofSeconds(5);

  private final Lanes lanes;
  private final OwnedPartitions owned;
  private final Ledger ledger;
  private final SesSender ses;
  private final Completions completions;
  private final DailyCounts daily;
  private final SendingConfig config;
  private final int maxInFlight;
  private final Map<String, TokenBucket> tenantRates = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicBoolean running = new AtomicBoolean();
  private Vertx vertx;
  private long timer;
  private volatile long accountReadAt;
  private volatile AccountRate account;
  private int rotation;

  public Dispatcher(
      Lanes lanes,
      OwnedPartitions owned,
      Ledger ledger,
      SesSender ses,
      Completions completions,
      DailyCounts daily,
      SendingConfig config,
      AwsConfig aws) {
    this.lanes = lanes;
    this.owned = owned;
    this.ledger = ledger;
    this.ses = ses;
    this.completions = completions;
    this.daily = daily;
    this.config = config;
    this.maxInFlight = aws.maxConcurrency();
  }

  /** Starts ticking on a Vert.x timer (the scheduler extension's resolution is a second). */
  void start(@Observes StartupEvent startup, Vertx vertx) {
    this.vertx = vertx;
    timer =
        vertx.setPeriodic(
            config.tick().toMillis(),
            id -> {
              if (running.compareAndSet(false, true)) {
                tick().subscribe().with(done -> running.set(false), e -> running.set(false));
              }
            });
  }

  void stop(@Observes ShutdownEvent shutdown) {
    if (vertx != null) {
      vertx.cancelTimer(timer);
    }
  }

  Uni<Void> tick() {
    long now = System.nanoTime();
    ticks++;
    tickNanos += now - lastTickStart;
    lastTickStart = now;
    return completions
        .flush()
        .invoke(throttles -> backOff(throttles, now))
        .chain(() -> accountRate(now))
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

  private long reportedAt;
  private long ticks;
  private long tickNanos;
  private long lastTickStart = System.nanoTime();

  /** A line every ten seconds saying what the scheduler sees, for operators. */
  private void report(Collection<Lane> all, Plan plan, AccountRate rate, long now) {
    if (now - reportedAt > 10_000_000_000L) {
      reportedAt = now;
      long active = all.stream().filter(l -> l.status() == TenantStatus.ACTIVE).count();
      long sendable = all.stream().filter(l -> lanes.sendable(l, now)).count();
      LOG.infof(
          "scheduler: %d lanes (%d active, %d sendable), %d planned, share %.2f, account rate"
              + " %.1f/s, %d in flight, %.1f ms between ticks",
          all.size(),
          active,
          sendable,
          plan.lanes.size(),
          owned.share(),
          rate.rate(),
          inFlight.get(),
          ticks == 0 ? 0 : tickNanos / 1e6 / ticks);
      ticks = 0;
      tickNanos = 0;
    }
  }

  private Uni<Void> dispatch(AccountRate rate, long now) {
    return lanes
        .current(now, config.laneRefresh().toNanos())
        .chain(
            all ->
                daily
                    .today()
                    .map(counts -> plan(all, counts, rate, now))
                    .invoke(plan -> report(all, plan, rate, now)))
        .chain(
            plan -> plan.isEmpty() ? Uni.createFrom().voidItem() : claimAndSend(plan, rate, now));
  }

  /** Which lanes get how many messages this tick. */
  private Plan plan(Collection<Lane> all, DailyCounts.Today counts, AccountRate rate, long now) {
    rate.share(owned.share(), now);
    int capacity = Math.max(0, maxInFlight - inFlight.get());
    List<Lane> sending = new ArrayList<>();
    List<Integer> budgets = new ArrayList<>();
    Plan plan = new Plan();
    for (Lane lane : all) {
      if (!owned.owns(lane.tenantId())) {
        continue;
      }
      if (lane.deleted() && lanes.drainable(lane, now)) {
        plan.add(lane, config.maxClaimPerTenant(), false); // cancelled, not sent: no rate needed
      } else if (lanes.sendable(lane, now)) {
        int budget =
            Math.min(
                bucket(lane, now).available(now),
                (int) Math.min(Integer.MAX_VALUE, lane.maxPerDay() - counts.of(lane.tenantId())));
        if (budget > 0) {
          sending.add(lane);
          budgets.add(Math.min(budget, config.maxClaimPerTenant()));
        }
      }
    }
    int tokens = Math.min(rate.available(now), capacity);
    int[] quotas =
        FairShare.split(tokens, budgets.stream().mapToInt(Integer::intValue).toArray(), rotation++);
    for (int i = 0; i < quotas.length; i++) {
      if (quotas[i] > 0) {
        plan.add(sending.get(i), quotas[i], true);
      }
    }
    return plan;
  }

  private Uni<Void> claimAndSend(Plan plan, AccountRate rate, long now) {
    return ledger
        .claim(plan.tenants(), plan.quotas())
        .invoke(
            claims -> {
              Map<String, Integer> claimed = new HashMap<>();
              claims.forEach(c -> claimed.merge(c.request().tenantId(), 1, Integer::sum));
              plan.lanes.forEach(
                  (tenant, entry) -> {
                    int n = claimed.getOrDefault(tenant, 0);
                    if (n < entry.quota()) {
                      lanes.empty(tenant, now + config.emptyLaneBackoff().toNanos());
                    }
                    if (entry.paced()) {
                      tenantRates.get(tenant).take(n);
                      rate.take(n);
                      daily.add(tenant, n);
                    }
                  });
              claims.forEach(c -> send(c, plan.lanes.get(c.request().tenantId()).lane()));
            })
        .replaceWithVoid();
  }

  private void send(Claim claim, Lane lane) {
    Instant now = Instant.now();
    Preparation.Prepared prepared =
        Preparation.of(claim, lane, now, now.plus(config.requeueDelay()));
    if (prepared.outcome() != null) {
      completions.settled(prepared.outcome(), lane);
      return;
    }
    inFlight.incrementAndGet();
    ses.send(prepared.email())
        .whenComplete(
            (result, error) -> {
              inFlight.decrementAndGet();
              completions.answered(claim, lane, result);
            });
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

  private void backOff(int throttles, long now) {
    if (throttles > 0 && account != null) {
      account.throttled(now);
      LOG.infof("SES throttled %d sends; account rate now %.1f/s", throttles, account.rate());
    }
  }

  /** This instance's account rate, once SES has told the account's max send rate. */
  private Uni<AccountRate> accountRate(long now) {
    if (account != null) {
      if (now - accountReadAt > config.accountRefresh().toNanos()) {
        accountReadAt = now; // re-read in the background; quotas change (SES raises them)
        ses.maxSendRate().thenAccept(max -> account.accountMax(max, System.nanoTime()));
      }
      return Uni.createFrom().item(account);
    }
    return Uni.createFrom()
        .completionStage(ses::maxSendRate)
        .ifNoItem()
        .after(ACCOUNT_READ_TIMEOUT)
        .fail()
        .map(
            max -> {
              account = new AccountRate(max, config.accountRateIncrease(), now);
              accountReadAt = now;
              LOG.infof("SES account max send rate %.1f/s", max);
              return account;
            });
  }

  /** The claims of one tick. */
  private static final class Plan {
    private record Entry(Lane lane, int quota, boolean paced) {}

    private final Map<String, Entry> lanes = new HashMap<>();

    void add(Lane lane, int quota, boolean paced) {
      lanes.put(lane.tenantId(), new Entry(lane, quota, paced));
    }

    boolean isEmpty() {
      return lanes.isEmpty();
    }

    String[] tenants() {
      return lanes.keySet().toArray(String[]::new);
    }

    Integer[] quotas() {
      return lanes.keySet().stream().map(t -> lanes.get(t).quota()).toArray(Integer[]::new);
    }
  }
}
