package io.isolane.contracts.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Today's cap of one sending domain ({@code domain.limits}, compacted, key = {@code
 * tenantId/domain}): the most messages all the tenant's mailboxes on that From domain may send
 * together in the domain's local day. Each mailbox's own cap (mailbox.limits) still applies.
 *
 * @param tenantId owning tenant
 * @param domain sending (From) domain, lower case
 * @param day the day (in {@code timeZone}) the cap applies to
 * @param dailyCap most messages the domain's mailboxes may send that day, together
 * @param timeZone IANA zone id the day is counted in, e.g. Europe/Lisbon
 * @param stage warm-up stage the cap comes from
 * @param reason why the cap is what it is (advanced, held, cut back, imported ...)
 * @param computedAt when warm-up computed it
 */
public record DomainLimits(
    String tenantId,
    String domain,
    LocalDate day,
    int dailyCap,
    String timeZone,
    int stage,
    String reason,
    Instant computedAt)
    implements TenantEvent {}
