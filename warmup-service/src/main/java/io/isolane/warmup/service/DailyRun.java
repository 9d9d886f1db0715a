package io.isolane.warmup.service;

import io.isolane.warmup.CapChange;
import io.isolane.warmup.Decision;
import io.isolane.warmup.Ramp;
import io.isolane.warmup.SenderWarmup;
import io.isolane.warmup.config.WarmupConfig;
import io.isolane.warmup.repository.ProcessedEventRepository;
import io.isolane.warmup.repository.SenderWarmupRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Computes each sender's cap once per local day. Every run locks the senders whose day has turned
 * ({@code FOR UPDATE SKIP LOCKED}), decides, and records decision, history and limits in the same
 * transaction as the new {@code last_computed_day}: several instances share the work, and a crash
 * or restart mid-run leaves each sender either computed for the day or not at all.
 */
@ApplicationScoped
public class DailyRun {
  private static final Logger LOG = Logger.getLogger(DailyRun.class);

  private final SenderWarmupRepository senders;
  private final ProcessedEventRepository processed;
  private final Standings standings;
  private final CapRecorder recorder;
  private final Ramp ramp;
  private final WarmupConfig config;
  private final Clock clock;
  private final IpWarmupSync ipSync;
  private Periodic timer;

  public DailyRun(
      SenderWarmupRepository senders,
      ProcessedEventRepository processed,
      Standings standings,
      CapRecorder recorder,
      Ramp ramp,
      WarmupConfig config,
      Clock clock,
      IpWarmupSync ipSync) {
    this.ipSync = ipSync;
    this.senders = senders;
    this.processed = processed;
    this.standings = standings;
    this.recorder = recorder;
    this.ramp = ramp;
    this.config = config;
    this.clock = clock;
  }

  void start(@Observes StartupEvent startup, Vertx vertx) {
    timer = new Periodic(vertx, config.tick(), this::tick);
  }

  void stop(@Observes ShutdownEvent shutdown) {
    if (timer != null) {
      timer.cancel();
    }
  }

  Uni<Void> tick() {
    return runUntilDone(0)
        .invoke(n -> LOG.debugf("daily run computed %d senders", n))
        .call(ipSync::syncOnce)
        .chain(
            () ->
                Panache.withTransaction(
                    () ->
                        processed.forgetBefore(clock.instant().minus(config.processedEventTtl()))))
        .onFailure()
        .invoke(e -> LOG.warnf(e, "daily run failed; it will retry"))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  /** Computes every due sender, a batch per transaction; returns how many. */
  public Uni<Integer> runUntilDone(int done) {
    return Panache.withTransaction(this::computeBatch)
        .chain(
            n -> n < config.batchSize() ? Uni.createFrom().item(done + n) : runUntilDone(done + n));
  }

  private Uni<Integer> computeBatch() {
    return senders
        .lockDue(clock.instant(), config.batchSize())
        .call(this::computeAll)
        .map(List::size);
  }

  private Uni<Void> computeAll(List<SenderWarmup> due) {
    return Multi.createFrom()
        .iterable(due)
        .onItem()
        .transformToUniAndConcatenate(this::compute)
        .collect()
        .last()
        .replaceWithVoid();
  }

  private Uni<Void> compute(SenderWarmup sender) {
    LocalDate today = standings.today(sender);
    return standings
        .of(sender, today)
        .map(ramp::nextDay)
        .chain(
            decision -> {
              sender.lastComputedDay = today;
              if (decision.kind() == Decision.Kind.REENTERED) {
                sender.activeSince = today;
              }
              return recorder.record(sender, today, CapChange.DAILY, decision);
            });
  }
}
