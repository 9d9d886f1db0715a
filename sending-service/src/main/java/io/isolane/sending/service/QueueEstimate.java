package io.isolane.sending.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * When a group of queued messages (a stream or a mailbox of one tenant) will next send, for {@code
 * GET /v1/queue}. For now the earliest time any of them may go: now if one is due, else the
 * earliest {@code notBefore}. The scheduler's own estimate (pacing, daily caps, sending windows,
 * pauses) plugs in here.
 */
@ApplicationScoped
public class QueueEstimate {

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

  /** The earliest time a message of the group may be sent: {@code max(now, min notBefore)}. */
  public Instant nextSendAt(Group group, Instant now) {
    if (group.queued() == 0) {
      return null;
    }
    if (group.anyDue() || group.earliestNotBefore() == null) {
      return now;
    }
    return group.earliestNotBefore().isAfter(now) ? group.earliestNotBefore() : now;
  }
}
