package io.isolane.sessimulator.sns;

import java.time.Instant;

/**
 * The outcome of delivering one message to one subscription.
 *
 * @param subscriptionArn the subscription (null for a confirmation before it has one)
 * @param endpoint the endpoint posted to
 * @param messageType Notification, SubscriptionConfirmation or UnsubscribeConfirmation
 * @param messageId SNS message id
 * @param attempts how many posts were made
 * @param lastStatus HTTP status of the last post (0 when it could not connect)
 * @param delivered whether an attempt got a 2xx
 * @param at when the outcome was final
 */
public record SnsDeliveryOutcome(
    String subscriptionArn,
    String endpoint,
    String messageType,
    String messageId,
    int attempts,
    int lastStatus,
    boolean delivered,
    Instant at) {}
