package io.isolane.sessimulator.state;

import java.time.Instant;

/**
 * An SES event the simulator published, for the read API.
 *
 * @param messageId the message it is about
 * @param eventType Send, Delivery, Bounce, Complaint, DeliveryDelay, Open, Click
 * @param recipient the recipient concerned (null for Send)
 * @param at when it was published
 * @param json the record exactly as published
 */
public record EmittedEvent(
    String messageId, String eventType, String recipient, Instant at, String json) {}
