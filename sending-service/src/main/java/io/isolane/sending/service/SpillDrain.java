package io.isolane.sending.service;

import io.isolane.sending.config.SendingConfig;
import io.isolane.sending.messaging.OwnedPartitions;
import io.isolane.sending.repository.SpillRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Takes parked bursts into the ledger: each round about a poll's worth of every tenant this
 * instance owns that has records parked, round robin, so several tenants' bursts share intake
 * evenly and none waits for another's. Rounds follow each other while there is work, except while
 * the consumer is behind the topic ({@link IntakePressure}).
 */
@ApplicationScoped
public class SpillDrain {
  private static final Logger LOG = Logger.getLogger(SpillDrain.class);

  /** Most records in one parked row: a turn while the consumer is behind takes one row. */
  static final int ROW_RECORDS = 200;

  // a tenant's turn: about a poll's worth, so one transaction stays as large as intake's own
  private static final int TAKE_RECORDS = 1000;

  private static final long WARN_EVERY_NANOS = 60_000_000_000L;

  private final SpillRepository spills;
  private final BatchIntake intake;
  private final Lanes lanes;
  private final OwnedPartitions owned;
  private final IntakePressure pressure;
  private final SendingConfig config;
  private final Rounds rounds = new Rounds();
  private final Counter failures;
  private final Map<String, Long> lastWarned = new ConcurrentHashMap<>();
  // the tenant served last, so the next round starts after it
  private String last = "";
  private long lastRound;

  public SpillDrain(
      SpillRepository spills,
      BatchIntake intake,
      Lanes lanes,
      OwnedPartitions owned,
      IntakePressure pressure,
      MeterRegistry metrics,
      SendingConfig config) {
    this.spills = spills;
    this.intake = intake;
    this.lanes = lanes;
    this.owned = owned;
    this.pressure = pressure;
    this.lastRound = pressure.now();
    this.config = config;
    this.failures = metrics.counter("isolane.sending.intake.drain.failures");
  }

  void start(@Observes StartupEvent startup, Vertx vertx) {
    rounds.start(vertx, config.intake().drainInterval(), this::drain);
  }

  void stop(@Observes ShutdownEvent shutdown) {
    rounds.stop();
  }

  /** Rounds until nothing owned is parked. */
  Uni<Void> drain() {
    return Uni.createFrom()
        .deferred(this::round)
        .repeat()
        .whilst(taken -> taken > 0)
        .collect()
        .last()
        .onFailure()
        .invoke(e -> LOG.warnf("spill drain failed; it will run again: %s", e.toString()))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  /** A turn of each owned tenant with records parked; answers how many took some in. */
  private Uni<Integer> round() {
    if (!pressure.drainMayRun(lastRound)) {
      return Uni.createFrom().item(0);
    }
    lastRound = pressure.now();
    // while the topic comes first, a round is short: a row a tenant
    int most = pressure.behind() ? ROW_RECORDS : TAKE_RECORDS;
    return spills.tenants().map(this::inTurn).chain(tenants -> takeEach(tenants, most));
  }

  private List<String> inTurn(Collection<String> tenants) {
    List<String> mine = new ArrayList<>(tenants.stream().filter(owned::owns).sorted().toList());
    int after = (int) mine.stream().filter(t -> t.compareTo(last) <= 0).count();
    List<String> turn = new ArrayList<>(mine.subList(after, mine.size()));
    turn.addAll(mine.subList(0, after));
    return turn;
  }

  private Uni<Integer> takeEach(List<String> tenants, int most) {
    return Multi.createFrom()
        .iterable(tenants)
        .onItem()
        .transformToUniAndConcatenate(tenant -> takeOne(tenant, most))
        .collect()
        .with(Collectors.summingInt(taken -> taken ? 1 : 0));
  }

  private Uni<Boolean> takeOne(String tenantId, int most) {
    return spills
        .takeOldest(tenantId, most, intake::takeIn)
        .invoke(
            taken -> {
              last = tenantId;
              lastWarned.remove(tenantId);
              if (taken) {
                lanes.backlog(tenantId);
              }
            })
        .onFailure()
        .invoke(e -> failed(tenantId, e))
        .onFailure()
        .recoverWithItem(false); // one tenant's failing row never holds the others
  }

  /**
   * Counts a failed turn; logs it once a minute per tenant at most, as a row that cannot be read
   * fails again every round.
   */
  private void failed(String tenantId, Throwable e) {
    failures.increment();
    long now = pressure.now();
    Long warned = lastWarned.get(tenantId);
    if (warned == null || now - warned >= WARN_EVERY_NANOS) {
      lastWarned.put(tenantId, now);
      LOG.warnf("parked records of %s not taken in yet (retried every round): %s", tenantId, e);
    }
  }
}
