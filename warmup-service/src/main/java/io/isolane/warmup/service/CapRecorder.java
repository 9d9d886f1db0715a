package io.isolane.warmup.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.MailboxLimits;
import io.isolane.servicekit.outbox.Outbox;
import io.isolane.warmup.CapChange;
import io.isolane.warmup.Decision;
import io.isolane.warmup.SenderWarmup;
import io.isolane.warmup.config.WarmupConfig;
import io.isolane.warmup.repository.CapChangeRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Applies a decision inside the caller's transaction: the sender's row, a history row with the
 * reason, and (for mailboxes) the day's limits on mailbox.limits through the outbox, all or none.
 */
@ApplicationScoped
public class CapRecorder {
  private final CapChangeRepository history;
  private final Outbox outbox;
  private final WarmupConfig config;
  private final Clock clock;

  private final Standings standings;

  public CapRecorder(
      CapChangeRepository history,
      Outbox outbox,
      WarmupConfig config,
      Clock clock,
      Standings standings) {
    this.standings = standings;
    this.history = history;
    this.outbox = outbox;
    this.config = config;
    this.clock = clock;
  }

  /** Records {@code decision} for the sender's local {@code day}, triggered by {@code trigger}. */
  public Uni<Void> record(SenderWarmup sender, LocalDate day, String trigger, Decision decision) {
    Instant now = clock.instant();
    sender.apply(decision, now);
    Uni<CapChange> stored = history.persist(CapChange.of(sender, day, trigger, decision, now));
    return switch (sender.kind) {
      case MAILBOX -> stored.chain(change -> outbox.add(limits(sender, day, change.id)));
      // IpWarmupSync hands the percentage to SES once this commits
      case IP ->
          standings
              .planOf(sender)
              .invoke(plan -> sender.ipWarmupPercent = percentOf(sender.dailyCap, plan.target()))
              .chain(() -> stored)
              .replaceWithVoid();
      // domains have no topic to go to yet: their caps are in the API and history
      case DOMAIN -> stored.replaceWithVoid();
    };
  }

  /** The share of the plan's target a cap stands for, rounded up, 1-100. */
  static int percentOf(int cap, int target) {
    return Math.max(1, Math.min(100, (int) Math.ceil(100.0 * cap / target)));
  }

  // the event id is the decision's: a republished outbox row is recognisably the same event
  private ContractEvent<MailboxLimits> limits(SenderWarmup sender, LocalDate day, Long decision) {
    WarmupConfig.Pacing pacing = config.pacing();
    MailboxLimits limits =
        new MailboxLimits(
            sender.tenantId,
            sender.sender,
            day,
            sender.dailyCap,
            pacing.minSpacingSeconds(),
            pacing.jitterSeconds(),
            // always a window: sending-service counts a cap's day in the window's zone
            new MailboxLimits.SendingWindow(
                sender.timeZone,
                pacing.windowDays(),
                pacing.windowStartHour(),
                pacing.windowEndHour()),
            sender.stage,
            sender.reason,
            sender.updatedAt);
    return ContractEvent.withId(
        "warmup-decision-" + decision, EventTypes.MAILBOX_LIMITS, config.eventSource(), limits);
  }
}
