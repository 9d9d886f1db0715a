package io.isolane.contracts.events;

import java.time.Instant;

/**
 * A request to suppress one address for one tenant ({@code suppression.requests}, key = tenant id),
 * e.g. from reply-classifier when a reply asks to unsubscribe or is a hard-bounce report.
 * feedback-service applies it like its own suppressions and publishes the result on {@code
 * suppressions}.
 *
 * @param requestId unique id of the request (applying it twice changes nothing)
 * @param tenantId tenant whose list it concerns
 * @param address the address to suppress
 * @param reason why
 * @param sourceEventId the event that led to it (an inbound reply id ...)
 * @param requestedBy who asks (reply-classifier, an operator ...)
 * @param detail human-readable evidence (the DSN status, the phrase that asked to unsubscribe ...)
 * @param requestedAt when
 * @param expiresAt when the suppression should lapse on its own (null: never)
 */
public record SuppressionRequest(
    String requestId,
    String tenantId,
    String address,
    SuppressionReason reason,
    String sourceEventId,
    String requestedBy,
    String detail,
    Instant requestedAt,
    Instant expiresAt)
    implements TenantEvent {}
