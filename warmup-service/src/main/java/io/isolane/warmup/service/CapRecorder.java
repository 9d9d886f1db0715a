package io.isolane.warmup.service;

import io.isolane.servicekit.outbox.Outbox;
import io.isolane.warmup.CapChange;
import io.isolane.warmup.Decision;
import io.isolane.warmup.SenderWarmup;
import io.isolane.warmup.repository.CapChangeRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Applies a decision inside the caller's transaction: the sender's row, a history row with the
 * reason, and the day's limits through the outbox (mailbox.limits for a mailbox, domain.limits for
 * a sending domain), all or none.
 */
@ApplicationScoped
public class CapRecorder {
  private final CapChangeRepository history;
  private final Outbox outbox;
  private final LimitsEvents events;
  private final Clock clock;

  private final Standings standings;

  public CapRecorder(
      CapChangeRepository history,
      Outbox outbox,
      LimitsEvents events,
      Clock clock,
      Standings standings) {
    this.standings = standings;
    this.history = history;
    this.outbox = outbox;
    this.events = events;
    this.clock = clock;
  }

  /** Records {@code decision} for the sender's local {@code day}, triggered by {@code trigger}. */
  public Uni<Void> record(SenderWarmup sender, LocalDate day, String trigger, Decision decision) {
    Instant now = clock.instant();
    sender.apply(decision, now);
    Uni<CapChange> stored = history.persist(CapChange.of(sender, day, trigger, decision, now));
    return switch (sender.kind) {
      case MAILBOX ->
          stored.chain(change -> outbox.add(events.mailboxLimits(sender, day, change.id)));
      // IpWarmupSync hands the percentage to SES once this commits
      case IP ->
          standings
              .planOf(sender)
              .invoke(plan -> sender.ipWarmupPercent = percentOf(sender.dailyCap, plan.target()))
              .chain(() -> stored)
              .replaceWithVoid();
      case DOMAIN ->
          stored.chain(change -> outbox.add(events.domainLimits(sender, day, change.id)));
    };
  }

  /** The share of the plan's target a cap stands for, rounded up, 1-100. */
  static int percentOf(int cap, int target) {
    return Math.max(1, Math.min(100, (int) Math.ceil(100.0 * cap / target)));
  }
}
