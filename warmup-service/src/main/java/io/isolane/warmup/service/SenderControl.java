package io.isolane.warmup.service;

import io.isolane.warmup.CapChange;
import io.isolane.warmup.Decision;
import io.isolane.warmup.Phase;
import io.isolane.warmup.Plan;
import io.isolane.warmup.Ramp;
import io.isolane.warmup.SenderWarmup;
import io.isolane.warmup.repository.CapChangeRepository;
import io.isolane.warmup.repository.SendDayRepository;
import io.isolane.warmup.repository.SenderWarmupRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** What the API does to a tenant's senders; a sender of another tenant is never found. */
@ApplicationScoped
public class SenderControl {
  static final String TRIGGER = "api";

  private final SenderWarmupRepository senders;
  private final CapChangeRepository history;
  private final SendDayRepository sends;
  private final Standings standings;
  private final CapRecorder recorder;
  private final Ramp ramp;

  public SenderControl(
      SenderWarmupRepository senders,
      CapChangeRepository history,
      SendDayRepository sends,
      Standings standings,
      CapRecorder recorder,
      Ramp ramp) {
    this.senders = senders;
    this.history = history;
    this.sends = sends;
    this.standings = standings;
    this.recorder = recorder;
    this.ramp = ramp;
  }

  /** A change asked for: a plan, a stage to import at, a time zone (each optional). */
  public record Change(Plan plan, Integer stage, String timeZone) {}

  /** Every sender of the tenant, without history. */
  @WithSession
  public Uni<List<SenderStatus>> list(String tenantId) {
    return senders
        .allOf(tenantId)
        .chain(
            all ->
                Multi.createFrom()
                    .iterable(all)
                    .onItem()
                    .transformToUniAndConcatenate(s -> status(s, false))
                    .collect()
                    .asList());
  }

  /** One sender with its history. */
  @WithSession
  public Uni<Optional<SenderStatus>> get(String tenantId, String sender) {
    return senders
        .of(tenantId, sender)
        .chain(
            s ->
                s == null
                    ? Uni.createFrom().item(Optional.empty())
                    : status(s, true).map(Optional::of));
  }

  /** Assigns a plan, imports at a stage, or moves the sender's days to another zone. */
  @WithTransaction
  public Uni<Optional<SenderStatus>> change(String tenantId, String sender, Change change) {
    return locked(tenantId, sender, s -> apply(s, change));
  }

  /** Holds the ramp at today's cap until resumed. */
  @WithTransaction
  public Uni<Optional<SenderStatus>> pause(String tenantId, String sender) {
    return locked(tenantId, sender, s -> s.paused ? none() : setPaused(s, true));
  }

  /** Lets the ramp go on from the next day. */
  @WithTransaction
  public Uni<Optional<SenderStatus>> resume(String tenantId, String sender) {
    return locked(tenantId, sender, s -> s.paused ? setPaused(s, false) : none());
  }

  private Uni<Optional<SenderStatus>> locked(
      String tenantId, String sender, Function<SenderWarmup, Uni<Void>> work) {
    return senders
        .find("tenantId = ?1 and sender = ?2", tenantId, sender)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResult()
        .chain(
            s ->
                s == null
                    ? Uni.createFrom().item(Optional.<SenderStatus>empty())
                    : work.apply(s).chain(() -> status(s, true)).map(Optional::of));
  }

  private Uni<Void> apply(SenderWarmup s, Change change) {
    if (change.timeZone() != null) {
      s.timeZone = change.timeZone();
    }
    if (change.plan() == null && change.stage() == null) {
      return none();
    }
    Uni<Plan> plan =
        change.plan() != null ? Uni.createFrom().item(change.plan()) : standings.planOf(s);
    return plan.chain(
        p -> {
          boolean imported = change.stage() != null;
          s.plan = p.name();
          if (imported) {
            s.planDay = p.firstDayOf(change.stage());
          }
          return standings
              .of(s, s.lastComputedDay)
              .chain(
                  st ->
                      recorder.record(
                          s,
                          s.lastComputedDay,
                          TRIGGER,
                          imported
                              ? ramp.moved(
                                  st,
                                  Decision.Kind.IMPORTED,
                                  false,
                                  "imported at stage " + change.stage() + " of " + p.name())
                              : ramp.moved(
                                  st,
                                  Decision.Kind.REASSIGNED,
                                  true,
                                  "plan changed to " + p.name())));
        });
  }

  private Uni<Void> setPaused(SenderWarmup s, boolean paused) {
    s.paused = paused;
    Decision d =
        new Decision(
            paused ? Decision.Kind.PAUSED : Decision.Kind.RESUMED,
            s.planDay,
            s.stage,
            s.dailyCap,
            paused ? Phase.PAUSED : (s.cutBack ? Phase.CUT : Phase.RAMPING),
            s.cutBack,
            paused ? "warm-up paused by the tenant" : "warm-up resumed by the tenant");
    return recorder.record(s, s.lastComputedDay, TRIGGER, d);
  }

  private Uni<SenderStatus> status(SenderWarmup s, boolean withHistory) {
    LocalDate today = standings.today(s);
    return standings
        .planOf(s)
        .chain(
            plan ->
                sends
                    .on(s, today)
                    .chain(
                        day ->
                            (withHistory
                                    ? history.of(s.id)
                                    : Uni.createFrom().item(List.<CapChange>of()))
                                .map(h -> new SenderStatus(s, plan, today, day.sent(), h))));
  }

  private static Uni<Void> none() {
    return Uni.createFrom().voidItem();
  }
}
