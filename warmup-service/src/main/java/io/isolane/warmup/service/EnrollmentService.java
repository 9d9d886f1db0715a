package io.isolane.warmup.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.MailboxLimits;
import io.isolane.contracts.events.TenantState;
import io.isolane.servicekit.outbox.Outbox;
import io.isolane.warmup.SenderWarmup;
import io.isolane.warmup.config.WarmupConfig;
import io.isolane.warmup.repository.SenderWarmupRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Enrolls every new mailbox of a tenant in the cold-outreach preset and publishes its first day's
 * limits. Daily advancement and health gating come with the warm-up issue.
 */
@ApplicationScoped
public class EnrollmentService {
  static final String PLAN = "cold-outreach";

  private final SenderWarmupRepository senders;
  private final Outbox outbox;
  private final WarmupConfig config;

  public EnrollmentService(SenderWarmupRepository senders, Outbox outbox, WarmupConfig config) {
    this.senders = senders;
    this.outbox = outbox;
    this.config = config;
  }

  /** Enrolls the state's mailboxes that are not enrolled yet. */
  @WithTransaction
  public Uni<Void> enrollNewMailboxes(ContractEvent<TenantState> event) {
    TenantState state = event.data();
    return senders
        .enrolledMailboxes(state.tenantId())
        .map(enrolled -> newMailboxes(state, enrolled))
        .chain(fresh -> enrollAll(state.tenantId(), fresh));
  }

  private Uni<Void> enrollAll(String tenantId, List<String> mailboxes) {
    return Multi.createFrom()
        .iterable(mailboxes)
        .onItem()
        .transformToUniAndConcatenate(mailbox -> enroll(tenantId, mailbox))
        .collect()
        .last()
        .replaceWithVoid();
  }

  private Uni<Void> enroll(String tenantId, String mailbox) {
    Instant now = Instant.now();
    SenderWarmup sender = new SenderWarmup();
    sender.tenantId = tenantId;
    sender.mailbox = mailbox;
    sender.plan = PLAN;
    sender.stage = 1;
    sender.dailyCap = config.coldOutreach().startCap();
    sender.enrolledAt = now;
    sender.updatedAt = now;
    return senders.persist(sender).chain(() -> outbox.add(limitsOf(sender)));
  }

  private ContractEvent<MailboxLimits> limitsOf(SenderWarmup sender) {
    MailboxLimits limits =
        new MailboxLimits(
            sender.tenantId,
            sender.mailbox,
            LocalDate.now(ZoneOffset.UTC),
            sender.dailyCap,
            config.coldOutreach().minSpacingSeconds(),
            config.coldOutreach().jitterSeconds(),
            null,
            sender.stage,
            "enrolled: " + PLAN + " stage 1",
            sender.updatedAt);
    return ContractEvent.of(EventTypes.MAILBOX_LIMITS, config.eventSource(), limits);
  }

  private static List<String> newMailboxes(TenantState state, List<String> enrolled) {
    Set<String> known = new HashSet<>(enrolled);
    return state.mailboxes().stream()
        .map(m -> m.address().toLowerCase())
        .filter(known::add)
        .toList();
  }
}
