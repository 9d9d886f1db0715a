package io.isolane.sessimulator.sns;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isolane.sessimulator.SimulatorConfig;
import io.vertx.core.Vertx;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** SNS topics, HTTP(S) subscriptions and signed deliveries. */
public final class Sns {
  private final Vertx vertx;
  private final SimulatorConfig config;
  private final SnsSigner signer;
  private final SnsEnvelopes envelopes;
  private final SnsDelivery delivery;
  private final Map<String, SnsTopic> topics = new ConcurrentHashMap<>();

  public Sns(Vertx vertx, SimulatorConfig config, SnsSigner signer, String baseUrl) {
    this.vertx = vertx;
    this.config = config;
    this.signer = signer;
    this.envelopes = new SnsEnvelopes(signer, baseUrl);
    this.delivery = new SnsDelivery(vertx, config.snsRetries(), config.snsRetryDelay());
  }

  /** Creates a topic, or returns the existing one of that name (CreateTopic is idempotent). */
  public SnsTopic createTopic(String name) {
    String arn = config.topicArn(name);
    return topics.computeIfAbsent(arn, a -> new SnsTopic(a, name));
  }

  public Optional<SnsTopic> topic(String arn) {
    return Optional.ofNullable(topics.get(arn));
  }

  public boolean deleteTopic(String arn) {
    return topics.remove(arn) != null;
  }

  public List<SnsTopic> topics() {
    return topics.values().stream().sorted((a, b) -> a.arn.compareTo(b.arn)).toList();
  }

  /** Subscribes an HTTP(S) endpoint and sends it a SubscriptionConfirmation. */
  public SnsSubscription subscribe(SnsTopic topic, String protocol, String endpoint, boolean raw) {
    byte[] token = new byte[64];
    ThreadLocalRandom.current().nextBytes(token);
    SnsSubscription subscription =
        new SnsSubscription(
            topic.arn + ":" + UUID.randomUUID(),
            topic.arn,
            protocol,
            endpoint,
            HexFormat.of().formatHex(token),
            raw);
    topic.subscriptions.put(subscription.arn, subscription);
    send(SnsEnvelopes.SUBSCRIPTION_CONFIRMATION, topic, subscription);
    return subscription;
  }

  /** Confirms the subscription holding {@code token}; empty when no subscription does. */
  public Optional<SnsSubscription> confirm(SnsTopic topic, String token) {
    Optional<SnsSubscription> match =
        topic.subscriptions.values().stream().filter(s -> s.token.equals(token)).findFirst();
    match.ifPresent(s -> s.confirmed = true);
    return match;
  }

  /** Removes a subscription and tells its endpoint with an UnsubscribeConfirmation. */
  public boolean unsubscribe(String subscriptionArn) {
    for (SnsTopic topic : topics.values()) {
      SnsSubscription removed = topic.subscriptions.remove(subscriptionArn);
      if (removed != null) {
        send(SnsEnvelopes.UNSUBSCRIBE_CONFIRMATION, topic, removed);
        return true;
      }
    }
    return false;
  }

  /**
   * Publishes to every confirmed subscription; returns the message id. The RSA signature is made
   * once per message on a worker thread, so signing never stalls the event loops.
   */
  public String publish(SnsTopic topic, String subject, String message) {
    String messageId = UUID.randomUUID().toString();
    List<SnsSubscription> targets =
        topic.subscriptions.values().stream().filter(s -> s.confirmed).toList();
    targets.stream()
        .filter(s -> s.rawMessageDelivery)
        .forEach(s -> delivery.post(s, SnsEnvelopes.NOTIFICATION, messageId, message));
    List<SnsSubscription> enveloped = targets.stream().filter(s -> !s.rawMessageDelivery).toList();
    if (!enveloped.isEmpty()) {
      vertx
          .executeBlocking(() -> envelopes.notification(topic, messageId, subject, message), false)
          .onSuccess(signed -> enveloped.forEach(s -> deliver(s, messageId, signed)));
    }
    return messageId;
  }

  private void deliver(SnsSubscription subscription, String messageId, ObjectNode signed) {
    delivery.post(
        subscription,
        SnsEnvelopes.NOTIFICATION,
        messageId,
        envelopes.forSubscription(signed, subscription));
  }

  /** The outcome of every delivery so far, oldest first. */
  public List<SnsDeliveryOutcome> deliveries() {
    return delivery.outcomes.list();
  }

  public SnsSigner signer() {
    return signer;
  }

  private void send(String type, SnsTopic topic, SnsSubscription subscription) {
    String messageId = UUID.randomUUID().toString();
    String body = envelopes.confirmation(type, topic, subscription, messageId).toString();
    delivery.post(subscription, type, messageId, body);
  }
}
