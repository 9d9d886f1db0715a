package io.isolane.warmup.service;

import io.isolane.contracts.events.SenderHealth;
import io.isolane.warmup.HealthSignal;
import io.isolane.warmup.Plan;
import io.isolane.warmup.Presets;
import io.isolane.warmup.Ramp;
import io.isolane.warmup.SenderKind;
import io.isolane.warmup.SenderWarmup;
import io.isolane.warmup.repository.HealthSignalRepository;
import io.isolane.warmup.repository.SendDayRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Gathers what the ramp needs to decide about a sender: plan, health, own figures, idleness. */
@ApplicationScoped
public class Standings {
  private final PlanCatalog plans;
  private final HealthSignalRepository health;
  private final SendDayRepository sends;
  private final Clock clock;

  public Standings(
      PlanCatalog plans, HealthSignalRepository health, SendDayRepository sends, Clock clock) {
    this.plans = plans;
    this.health = health;
    this.sends = sends;
    this.clock = clock;
  }

  /** The sender's local day now. */
  public LocalDate today(SenderWarmup sender) {
    return LocalDate.ofInstant(clock.instant(), ZoneId.of(sender.timeZone));
  }

  /** Where the sender stands on its local {@code today}. */
  public Uni<Ramp.Standing> of(SenderWarmup sender, LocalDate today) {
    Uni<Plan> plan = planOf(sender);
    Uni<Ramp.Health> worst =
        health
            .covering(sender.tenantId, sender.sender, sender.domain())
            .map(signals -> worst(sender, signals));
    Uni<Ramp.Day> yesterday = sends.on(sender, today.minusDays(1));
    Uni<Optional<LocalDate>> lastSend = sends.lastSendDay(sender);
    // one reactive session: its queries run one after the other
    return plan.chain(
        p ->
            worst.chain(
                h ->
                    yesterday.chain(
                        y ->
                            lastSend.map(
                                last ->
                                    new Ramp.Standing(
                                        p,
                                        sender.planDay,
                                        sender.dailyCap,
                                        sender.paused,
                                        sender.cutBack,
                                        h,
                                        y,
                                        idleDays(sender, last, today))))));
  }

  /** The sender's plan (its preset when a custom plan has gone). */
  public Uni<Plan> planOf(SenderWarmup sender) {
    return plans
        .resolve(sender.tenantId, sender.plan)
        .map(p -> p.orElseGet(() -> Presets.defaultFor(sender.kind)));
  }

  private static long idleDays(SenderWarmup sender, Optional<LocalDate> lastSend, LocalDate today) {
    if (sender.kind == SenderKind.IP) {
      return 0; // nothing says what an IP sent: it is never idle to us
    }
    LocalDate since = sender.activeSince;
    if (lastSend.isPresent() && lastSend.get().isAfter(since)) {
      since = lastSend.get();
    }
    return ChronoUnit.DAYS.between(since, today);
  }

  // a hold from tenant.state (paused mailbox, suspended tenant) weighs as a breach
  private static Ramp.Health worst(SenderWarmup sender, List<HealthSignal> signals) {
    if (sender.heldByState != null) {
      return new Ramp.Health(SenderHealth.Status.BREACH, sender.heldByState);
    }
    return signals.stream()
        .filter(s -> s.status != SenderHealth.Status.HEALTHY)
        .max(Comparator.comparing((HealthSignal s) -> s.status))
        .map(s -> new Ramp.Health(s.status, s.reason))
        .orElse(Ramp.Health.HEALTHY);
  }
}
