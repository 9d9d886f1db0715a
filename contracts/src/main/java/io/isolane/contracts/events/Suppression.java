package io.isolane.contracts.events;

import java.time.Instant;

/**
 * The current suppression state of one address for one tenant ({@code suppressions}, compacted, key
 * = {@code tenantId/address}). Suppressions are never shared between tenants.
 *
 * @param tenantId owning tenant
 * @param address suppressed address, lower case
 * @param suppressed true while suppressed; false once lifted
 * @param reason why it was suppressed
 * @param sourceEventId id of the event that caused it (a bounce, complaint, reply ...)
 * @param changedAt when this state took effect
 * @param expiresAt when the suppression lapses on its own (null: never)
 */
public record Suppression(
    String tenantId,
    String address,
    boolean suppressed,
    SuppressionReason reason,
    String sourceEventId,
    Instant changedAt,
    Instant expiresAt)
    implements TenantEvent {}
