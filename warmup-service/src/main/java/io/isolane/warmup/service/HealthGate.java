package io.isolane.warmup.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.events.SenderHealth;
import io.isolane.warmup.Ramp;
import io.isolane.warmup.SenderWarmup;
import io.isolane.warmup.repository.HealthSignalRepository;
import io.isolane.warmup.repository.SenderWarmupRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/**
 * Applies sender.health: the latest status per scope is kept for the daily decisions (warning
 * holds, breach cuts and holds, healthy lets the ramp go on); a breach also cuts every sender it
 * covers at once, for the rest of the day. Recipient-domain health says nothing about our senders
 * and is ignored.
 */
@ApplicationScoped
public class HealthGate {
  static final String TRIGGER = "health";

  private final HealthSignalRepository signals;
  private final SenderWarmupRepository senders;
  private final Standings standings;
  private final CapRecorder recorder;
  private final Ramp ramp;

  public HealthGate(
      HealthSignalRepository signals,
      SenderWarmupRepository senders,
      Standings standings,
      CapRecorder recorder,
      Ramp ramp) {
    this.signals = signals;
    this.senders = senders;
    this.standings = standings;
    this.recorder = recorder;
    this.ramp = ramp;
  }

  @WithTransaction
  public Uni<Void> apply(ContractEvent<SenderHealth> event) {
    SenderHealth health = event.data();
    if (health.scope() == SenderHealth.Scope.RECIPIENT_DOMAIN) {
      return Uni.createFrom().voidItem();
    }
    String target = health.target() == null ? "" : health.target().toLowerCase();
    return signals
        .record(health, target)
        .chain(
            newer ->
                newer && health.status() == SenderHealth.Status.BREACH
                    ? senders
                        .lockCovered(health.tenantId(), health.scope(), target)
                        .chain(this::cutAll)
                    : Uni.createFrom().voidItem());
  }

  private Uni<Void> cutAll(List<SenderWarmup> covered) {
    return Multi.createFrom()
        .iterable(covered)
        .onItem()
        .transformToUniAndConcatenate(this::cut)
        .collect()
        .last()
        .replaceWithVoid();
  }

  private Uni<Void> cut(SenderWarmup sender) {
    // the cut applies to the day the sender last got limits for: a later day is still computed
    LocalDate day = sender.lastComputedDay;
    return standings
        .of(sender, day)
        .chain(
            s ->
                ramp.onBreach(s)
                    .map(d -> recorder.record(sender, day, TRIGGER, d))
                    .orElse(Uni.createFrom().voidItem()));
  }
}
