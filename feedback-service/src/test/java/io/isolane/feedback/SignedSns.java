package io.isolane.feedback;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isolane.sessimulator.sns.SnsSigner;
import io.isolane.testkit.SesSimulatorResource;
import java.time.Instant;
import java.util.UUID;

/**
 * SNS Notifications signed with the simulator's SNS key, built field by field so that tests can
 * forge, tamper, age or re-point any part of them.
 */
public final class SignedSns {
  private SignedSns() {}

  public static String topicArn(String name) {
    return SesSimulatorResource.simulator().sns().createTopic(name).arn;
  }

  static String certificateUrl() {
    SnsSigner signer = SesSimulatorResource.simulator().sns().signer();
    return SesSimulatorResource.simulator().endpoint().resolve(signer.certificatePath()).toString();
  }

  public static ObjectNode notification(
      String topicArn, String message, Instant at, String version) {
    return notification(
        topicArn, message, at, version, UUID.randomUUID().toString(), certificateUrl());
  }

  static ObjectNode notification(
      String topicArn, String message, Instant at, String version, String id, String certUrl) {
    String timestamp = at.toString();
    String toSign =
        "Message\n"
            + message
            + "\nMessageId\n"
            + id
            + "\nTimestamp\n"
            + timestamp
            + "\nTopicArn\n"
            + topicArn
            + "\nType\nNotification\n";
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("Type", "Notification").put("MessageId", id).put("TopicArn", topicArn);
    body.put("Message", message).put("Timestamp", timestamp).put("SignatureVersion", version);
    body.put("Signature", SesSimulatorResource.simulator().sns().signer().sign(toSign, version));
    body.put("SigningCertURL", certUrl);
    return body;
  }

  /** An SES event-publishing Bounce record for a message sending-service tagged. */
  public static String bounce(String tenant, String recipient) {
    return "{\"eventType\":\"Bounce\",\"mail\":{\"timestamp\":\"2026-11-22T10:00:00.000Z\","
        + "\"messageId\":\"0100018c-"
        + UUID.randomUUID()
        + "\",\"source\":\"ana@mail.example\","
        + "\"destination\":[\""
        + recipient
        + "\"],\"tags\":{\"isolane-tenant\":[\""
        + tenant
        + "\"],\"isolane-message\":[\"m-1\"],\"isolane-mailbox\":[\"ana_mail_example\"]}},"
        + "\"bounce\":{\"bounceType\":\"Permanent\",\"bounceSubType\":\"General\","
        + "\"bouncedRecipients\":[{\"emailAddress\":\""
        + recipient
        + "\",\"action\":\"failed\","
        + "\"status\":\"5.1.1\",\"diagnosticCode\":\"smtp; 550 5.1.1 user unknown\"}],"
        + "\"timestamp\":\"2026-11-22T10:00:01.000Z\",\"feedbackId\":\"fb-1\"}}";
  }

  /** A Delivery record of a message sending-service tagged. */
  public static String delivery(String tenant, String recipient) {
    return "{\"eventType\":\"Delivery\",\"mail\":{\"messageId\":\"0100018c-"
        + UUID.randomUUID()
        + "\",\"tags\":{\"isolane-tenant\":[\""
        + tenant
        + "\"],\"isolane-message\":[\"m-2\"]}},"
        + "\"delivery\":{\"recipients\":[\""
        + recipient
        + "\"],\"smtpResponse\":\"250 ok\"}}";
  }
}
