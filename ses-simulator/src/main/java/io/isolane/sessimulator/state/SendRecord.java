package io.isolane.sessimulator.state;

import java.time.Instant;
import java.util.Map;

/**
 * A send as a load test counts it: no content, so hundreds of thousands fit in memory.
 *
 * @param messageId SES message id
 * @param sentAt when SES accepted it
 * @param tenantName SES tenant, or null
 * @param tags the message's tags
 */
public record SendRecord(
    String messageId, Instant sentAt, String tenantName, Map<String, String> tags) {}
