package io.isolane.sessimulator.sns;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isolane.sessimulator.web.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The signed JSON bodies SNS posts to HTTP(S) subscribers, field for field. */
final class SnsEnvelopes {
  static final String NOTIFICATION = "Notification";
  static final String SUBSCRIPTION_CONFIRMATION = "SubscriptionConfirmation";
  static final String UNSUBSCRIBE_CONFIRMATION = "UnsubscribeConfirmation";

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final SnsSigner signer;
  private final String baseUrl;

  SnsEnvelopes(SnsSigner signer, String baseUrl) {
    this.signer = signer;
    this.baseUrl = baseUrl;
  }

  /**
   * A signed Notification without its UnsubscribeURL, which is not signed: one signature serves
   * every subscription of the topic.
   */
  ObjectNode notification(SnsTopic topic, String messageId, String subject, String message) {
    String timestamp = timestamp(Instant.now());
    StringBuilder toSign = new StringBuilder();
    field(toSign, "Message", message);
    field(toSign, "MessageId", messageId);
    if (subject != null) {
      field(toSign, "Subject", subject);
    }
    field(toSign, "Timestamp", timestamp);
    field(toSign, "TopicArn", topic.arn);
    field(toSign, "Type", NOTIFICATION);
    ObjectNode body = Json.object().put("Type", NOTIFICATION).put("MessageId", messageId);
    body.put("TopicArn", topic.arn);
    if (subject != null) {
      body.put("Subject", subject);
    }
    body.put("Message", message).put("Timestamp", timestamp);
    sign(body, toSign, topic.signatureVersion);
    return body;
  }

  /** The notification as one subscription receives it. */
  String forSubscription(ObjectNode notification, SnsSubscription subscription) {
    return notification
        .deepCopy()
        .put("UnsubscribeURL", unsubscribeUrl(subscription.arn))
        .toString();
  }

  /** A SubscriptionConfirmation or UnsubscribeConfirmation. */
  ObjectNode confirmation(
      String type, SnsTopic topic, SnsSubscription subscription, String messageId) {
    String timestamp = timestamp(Instant.now());
    String message =
        SUBSCRIPTION_CONFIRMATION.equals(type)
            ? "You have chosen to subscribe to the topic "
                + topic.arn
                + ".\nTo confirm the subscription, visit the SubscribeURL included in this message."
            : "You have chosen to deactivate subscription "
                + subscription.arn
                + ".\nTo cancel this operation and restore the subscription, visit the SubscribeURL"
                + " included in this message.";
    String subscribeUrl = subscribeUrl(topic.arn, subscription.token);
    StringBuilder toSign = new StringBuilder();
    field(toSign, "Message", message);
    field(toSign, "MessageId", messageId);
    field(toSign, "SubscribeURL", subscribeUrl);
    field(toSign, "Timestamp", timestamp);
    field(toSign, "Token", subscription.token);
    field(toSign, "TopicArn", topic.arn);
    field(toSign, "Type", type);
    ObjectNode body =
        Json.object()
            .put("Type", type)
            .put("MessageId", messageId)
            .put("Token", subscription.token)
            .put("TopicArn", topic.arn)
            .put("Message", message)
            .put("SubscribeURL", subscribeUrl)
            .put("Timestamp", timestamp);
    sign(body, toSign, topic.signatureVersion);
    return body;
  }

  String subscribeUrl(String topicArn, String token) {
    return baseUrl
        + "/?Action=ConfirmSubscription&TopicArn="
        + encode(topicArn)
        + "&Token="
        + token;
  }

  String unsubscribeUrl(String subscriptionArn) {
    return baseUrl + "/?Action=Unsubscribe&SubscriptionArn=" + encode(subscriptionArn);
  }

  private void sign(ObjectNode body, StringBuilder toSign, String version) {
    body.put("SignatureVersion", version)
        .put("Signature", signer.sign(toSign.toString(), version))
        .put("SigningCertURL", baseUrl + signer.certificatePath());
  }

  /** Millisecond precision, never ".000": some verifiers re-render ".000Z" as "Z" and fail. */
  static String timestamp(Instant instant) {
    Instant at = instant.getNano() / 1_000_000 == 0 ? instant.plusMillis(1) : instant;
    return TIMESTAMP.format(at);
  }

  private static void field(StringBuilder out, String name, String value) {
    out.append(name).append('\n').append(value).append('\n');
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
