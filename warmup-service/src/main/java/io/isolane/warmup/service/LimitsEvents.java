package io.isolane.warmup.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.DomainLimits;
import io.isolane.contracts.events.MailboxLimits;
import io.isolane.warmup.SenderWarmup;
import io.isolane.warmup.config.WarmupConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/**
 * The limits a decision publishes: a mailbox's on mailbox.limits, a sending domain's on
 * domain.limits. The event id is the decision's ({@code warmup-decision-<history id>}), so a
 * republished outbox row is recognisably the same event.
 */
@ApplicationScoped
public class LimitsEvents {
  private final WarmupConfig config;

  public LimitsEvents(WarmupConfig config) {
    this.config = config;
  }

  ContractEvent<MailboxLimits> mailboxLimits(SenderWarmup sender, LocalDate day, Long decision) {
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
        id(decision), EventTypes.MAILBOX_LIMITS, config.eventSource(), limits);
  }

  ContractEvent<DomainLimits> domainLimits(SenderWarmup sender, LocalDate day, Long decision) {
    DomainLimits limits =
        new DomainLimits(
            sender.tenantId,
            sender.sender,
            day,
            sender.dailyCap,
            sender.timeZone,
            sender.stage,
            sender.reason,
            sender.updatedAt);
    return ContractEvent.withId(
        id(decision), EventTypes.DOMAIN_LIMITS, config.eventSource(), limits);
  }

  private static String id(Long decision) {
    return "warmup-decision-" + decision;
  }
}
