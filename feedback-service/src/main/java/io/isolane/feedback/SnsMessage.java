package io.isolane.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A message SNS posted to our endpoint, as SNS sent it (all fields are strings, some absent).
 *
 * @param type Notification, SubscriptionConfirmation or UnsubscribeConfirmation
 * @param messageId SNS message id (unique per message; the dedup key)
 * @param topicArn the topic it came from
 * @param subject optional subject (Notification only)
 * @param message the payload (an SES event record for a Notification)
 * @param timestamp when SNS published it (ISO-8601)
 * @param token confirmation token (confirmations only)
 * @param subscribeUrl where to confirm (confirmations only)
 * @param signatureVersion "1" (SHA1withRSA) or "2" (SHA256withRSA)
 * @param signature base64 signature over {@link #stringToSign()}
 * @param signingCertUrl where SNS's certificate is
 */
public record SnsMessage(
    String type,
    String messageId,
    String topicArn,
    String subject,
    String message,
    String timestamp,
    String token,
    String subscribeUrl,
    String signatureVersion,
    String signature,
    String signingCertUrl) {
  public static final String NOTIFICATION = "Notification";
  public static final String SUBSCRIPTION_CONFIRMATION = "SubscriptionConfirmation";
  public static final String UNSUBSCRIBE_CONFIRMATION = "UnsubscribeConfirmation";

  private static final List<String> NOTIFICATION_FIELDS =
      List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type");
  private static final List<String> CONFIRMATION_FIELDS =
      List.of("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type");

  public static SnsMessage of(JsonNode body) {
    return new SnsMessage(
        text(body, "Type"),
        text(body, "MessageId"),
        text(body, "TopicArn"),
        text(body, "Subject"),
        text(body, "Message"),
        text(body, "Timestamp"),
        text(body, "Token"),
        text(body, "SubscribeURL"),
        text(body, "SignatureVersion"),
        text(body, "Signature"),
        text(body, "SigningCertURL"));
  }

  /**
   * What SNS signed: name and value of each signed field on its own line, in byte order of the
   * names, absent fields left out.
   */
  public String stringToSign() {
    StringBuilder out = new StringBuilder();
    for (String field : NOTIFICATION.equals(type) ? NOTIFICATION_FIELDS : CONFIRMATION_FIELDS) {
      String value = value(field);
      if (value != null) {
        out.append(field).append('\n').append(value).append('\n');
      }
    }
    return out.toString();
  }

  private String value(String field) {
    return switch (field) {
      case "Message" -> message;
      case "MessageId" -> messageId;
      case "Subject" -> subject;
      case "Timestamp" -> timestamp;
      case "TopicArn" -> topicArn;
      case "Type" -> type;
      case "SubscribeURL" -> subscribeUrl;
      case "Token" -> token;
      default -> null;
    };
  }

  private static String text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }
}
