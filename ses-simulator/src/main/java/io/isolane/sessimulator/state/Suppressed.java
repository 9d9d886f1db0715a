package io.isolane.sessimulator.state;

import java.time.Instant;

/**
 * An address on a suppression list.
 *
 * @param address the address, lower case
 * @param reason BOUNCE or COMPLAINT
 * @param lastUpdate when it was (re)listed
 * @param messageId message that caused it, if any
 * @param feedbackId feedback that caused it, if any
 */
public record Suppressed(
    String address, String reason, Instant lastUpdate, String messageId, String feedbackId) {}
