package io.isolane.sending;

import io.isolane.contracts.events.MailboxStatus;
import io.isolane.contracts.events.TenantCommand;
import io.isolane.contracts.events.TenantState;
import io.isolane.contracts.events.TenantStatus;
import java.util.List;

/**
 * A pause or resume from tenant.commands, applied here at once. It holds only while the lane's
 * tenant.state is the one it was applied to: tenant-service applies the same command and publishes
 * a newer state, which then speaks for itself.
 *
 * @param tenantId tenant
 * @param scope tenant, domain or mailbox
 * @param target mailbox address or domain, lower case ("" for the tenant)
 * @param action pause or resume
 * @param reason why
 * @param laneVersion the tenant.state version it was applied to
 */
public record CommandHold(
    String tenantId,
    TenantCommand.Scope scope,
    String target,
    TenantCommand.Action action,
    String reason,
    long laneVersion) {

  /** The lane as the holds that still apply to it make it. */
  public static Lane apply(Lane lane, List<CommandHold> holds) {
    List<CommandHold> current =
        holds.stream().filter(h -> h.laneVersion() == lane.version()).toList();
    if (current.isEmpty() || lane.deleted()) {
      return lane;
    }
    TenantStatus status = lane.status();
    for (CommandHold h : current) {
      if (h.scope() == TenantCommand.Scope.TENANT) {
        status = tenantStatus(status, h.action());
      }
    }
    TenantState state = lane.state() == null ? null : withMailboxes(lane.state(), current);
    return Lane.of(
        lane.tenantId(), status, lane.maxPerSecond(), lane.maxPerDay(), lane.version(), state);
  }

  private static TenantStatus tenantStatus(TenantStatus status, TenantCommand.Action action) {
    if (action == TenantCommand.Action.PAUSE && status == TenantStatus.ACTIVE) {
      return TenantStatus.SUSPENDED;
    }
    if (action == TenantCommand.Action.RESUME && status == TenantStatus.SUSPENDED) {
      return TenantStatus.ACTIVE;
    }
    return status;
  }

  private static TenantState withMailboxes(TenantState s, List<CommandHold> holds) {
    List<TenantState.Mailbox> mailboxes = s.mailboxes().stream().map(m -> held(m, holds)).toList();
    return new TenantState(
        s.tenantId(),
        s.name(),
        s.tier(),
        s.status(),
        s.statusReason(),
        s.statusSetBy(),
        s.limits(),
        s.sesTenantName(),
        s.streams(),
        s.domains(),
        mailboxes,
        s.apiKeys(),
        s.version(),
        s.updatedAt());
  }

  private static TenantState.Mailbox held(TenantState.Mailbox m, List<CommandHold> holds) {
    String address = m.address().toLowerCase();
    String domain = address.substring(address.lastIndexOf('@') + 1);
    for (CommandHold h : holds) {
      boolean hits =
          (h.scope() == TenantCommand.Scope.MAILBOX && h.target().equals(address))
              || (h.scope() == TenantCommand.Scope.DOMAIN && h.target().equals(domain));
      if (hits && h.action() == TenantCommand.Action.PAUSE) {
        return new TenantState.Mailbox(
            m.address(), m.displayName(), MailboxStatus.PAUSED, h.reason(), m.replyTo());
      }
      if (hits && m.status() == MailboxStatus.PAUSED) {
        return new TenantState.Mailbox(
            m.address(), m.displayName(), MailboxStatus.ACTIVE, h.reason(), m.replyTo());
      }
    }
    return m;
  }
}
