package io.isolane.sending.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.RejectedEventException;
import io.isolane.contracts.events.DomainLimits;
import io.isolane.contracts.events.MailboxLimits;
import io.isolane.contracts.events.Suppression;
import io.isolane.contracts.events.TenantCommand;
import io.isolane.sending.repository.CommandHoldRepository;
import io.isolane.sending.repository.DomainLimitRepository;
import io.isolane.sending.repository.MailboxLimitRepository;
import io.isolane.sending.repository.SuppressionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * What sending-service keeps of other services' topics: suppressions, mailbox and domain limits and
 * pause or resume commands. Each write is idempotent (natural keys; the newer change wins), so
 * redeliveries and replays are harmless.
 */
@ApplicationScoped
public class LocalViews {
  private static final Logger LOG = Logger.getLogger(LocalViews.class);

  private final SuppressionRepository suppressions;
  private final MailboxLimitRepository limits;
  private final CommandHoldRepository holds;
  private final Lanes lanes;
  private final MailboxPacing pacing;
  private final DomainLimitRepository domainLimits;
  private final DomainPacing domainPacing;

  public LocalViews(
      SuppressionRepository suppressions,
      MailboxLimitRepository limits,
      CommandHoldRepository holds,
      Lanes lanes,
      MailboxPacing pacing,
      DomainLimitRepository domainLimits,
      DomainPacing domainPacing) {
    this.suppressions = suppressions;
    this.limits = limits;
    this.holds = holds;
    this.lanes = lanes;
    this.pacing = pacing;
    this.domainLimits = domainLimits;
    this.domainPacing = domainPacing;
  }

  public Uni<Void> suppression(ContractEvent<Suppression> event) {
    return suppressions.upsert(event.data());
  }

  public Uni<Void> limits(ContractEvent<MailboxLimits> event) {
    return limits.upsert(event.data()).invoke(() -> pacing.received(event.data()));
  }

  public Uni<Void> domainLimits(ContractEvent<DomainLimits> event) {
    return domainLimits.upsert(event.data()).invoke(() -> domainPacing.received(event.data()));
  }

  /** Holds a pause or resume at once; the scheduler sees it on its next lane refresh. */
  public Uni<Void> command(ContractEvent<TenantCommand> event) {
    TenantCommand command = event.data();
    return holds
        .hold(command, target(command))
        .invoke(
            applied -> {
              if (applied) {
                lanes.stale();
                LOG.infof(
                    "%s %s %s of tenant %s: %s",
                    command.action(),
                    command.scope(),
                    target(command),
                    command.tenantId(),
                    command.reason());
              }
            })
        .replaceWithVoid();
  }

  private static String target(TenantCommand command) {
    if (command.scope() == TenantCommand.Scope.TENANT) {
      return "";
    }
    if (command.target() == null || command.target().isBlank()) {
      throw new RejectedEventException(
          "a " + command.scope().name().toLowerCase(Locale.ROOT) + " command needs a target");
    }
    return command.target().toLowerCase(Locale.ROOT);
  }
}
