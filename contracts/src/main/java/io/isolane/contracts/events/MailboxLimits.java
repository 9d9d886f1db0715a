package io.isolane.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Today's cap and pacing of one mailbox ({@code mailbox.limits}, compacted, key = {@code
 * tenantId/mailbox}).
 *
 * @param tenantId owning tenant
 * @param mailbox mailbox address
 * @param day the day (in the mailbox's time zone) the cap applies to
 * @param dailyCap most messages the mailbox may send that day
 * @param minSpacingSeconds minimum seconds between two sends of the mailbox
 * @param jitterSeconds random extra spacing, up to this many seconds
 * @param window optional sending window (null: any time)
 * @param stage warm-up stage the cap comes from
 * @param reason why the cap is what it is (advanced, held, cut back, imported ...)
 * @param computedAt when warm-up computed it
 * @param recipientDomainHourlyCap most messages per hour from this mailbox to one recipient domain
 *     (null: no cap), so a warming mailbox never sends all its volume to one provider
 */
public record MailboxLimits(
    String tenantId,
    String mailbox,
    LocalDate day,
    int dailyCap,
    int minSpacingSeconds,
    int jitterSeconds,
    SendingWindow window,
    int stage,
    String reason,
    Instant computedAt,
    Integer recipientDomainHourlyCap)
    implements TenantEvent {

  /** Limits without a per-recipient-domain cap. */
  public MailboxLimits(
      String tenantId,
      String mailbox,
      LocalDate day,
      int dailyCap,
      int minSpacingSeconds,
      int jitterSeconds,
      SendingWindow window,
      int stage,
      String reason,
      Instant computedAt) {
    this(
        tenantId,
        mailbox,
        day,
        dailyCap,
        minSpacingSeconds,
        jitterSeconds,
        window,
        stage,
        reason,
        computedAt,
        null);
  }

  /**
   * Days and hours a mailbox may send, in its own time zone.
   *
   * @param timeZone IANA zone id, e.g. Europe/Lisbon
   * @param days ISO days of week, 1 = Monday .. 7 = Sunday
   * @param startHour first hour of sending, 0-23
   * @param endHour hour sending stops, 1-24 (exclusive)
   */
  public record SendingWindow(String timeZone, List<Integer> days, int startHour, int endHour) {}
}
