package io.isolane.sending.service;

import io.isolane.sending.Lane;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Locale;

/**
 * When a group of queued messages (a stream or a mailbox of one tenant) will next send, for {@code
 * GET /v1/queue}. For now the earliest time any of them may go: now if one is due, else the
 * earliest {@code notBefore}. The scheduler's own estimate (pacing, daily caps, sending windows,
 * pauses) plugs in here.
 */
@ApplicationScoped
public class QueueEstimate {
  private final Lanes lanes;
  private final MailboxPacing pacing;
  private final DomainPacing domains;

  public QueueEstimate(Lanes lanes, MailboxPacing pacing, DomainPacing domains) {
    this.lanes = lanes;
    this.pacing = pacing;
    this.domains = domains;
  }

  /**
   * A group of the tenant's queued messages.
   *
   * @param tenantId the tenant
   * @param stream the stream (lower case), or null for a mailbox group
   * @param mailbox the mailbox, or null for a stream group
   * @param queued how many messages are queued in the group
   * @param earliestNotBefore the earliest notBefore among them, or null
   * @param anyDue whether one of them has no notBefore or a past one
   */
  public record Group(
      String tenantId,
      String stream,
      String mailbox,
      long queued,
      Instant earliestNotBefore,
      boolean anyDue) {}

  /**
   * The earliest time a message of the group may be sent, as the scheduler sees it: null while the
   * tenant is suspended (or paused by SES), or the mailbox is paused or its domain not ready;
   * otherwise the later of its earliest notBefore and, for a mailbox, when its warm-up limits
   * (spacing, daily cap, sending window) and its domain's daily cap let it send next.
   */
  public Instant nextSendAt(Group group, Instant now) {
    Lane lane = lanes.lane(group.tenantId());
    if (group.queued() == 0 || lane == null || !lanes.sendable(lane)) {
      return null;
    }
    Instant due =
        group.anyDue()
                || group.earliestNotBefore() == null
                || group.earliestNotBefore().isBefore(now)
            ? now
            : group.earliestNotBefore();
    if (group.mailbox() == null) {
      return due;
    }
    if (!lane.sendingMailboxes().contains(group.mailbox().toLowerCase(Locale.ROOT))) {
      return null;
    }
    Instant paced = pacing.nextSendAt(group.tenantId(), group.mailbox(), now);
    Instant domain = domains.nextSendAt(group.tenantId(), group.mailbox(), now);
    if (paced == null) {
      return null;
    }
    Instant latest = paced.isAfter(domain) ? paced : domain;
    return latest.isAfter(due) ? latest : due;
  }
}
