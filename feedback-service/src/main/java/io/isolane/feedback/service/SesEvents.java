package io.isolane.feedback.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.feedback.config.FeedbackConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * SES event-publishing records (and classic notifications) as platform email events: one per
 * recipient concerned, attributed to tenant, mailbox and message by the tags sending-service put on
 * the message. Send is sending-service's own news and is not repeated.
 */
@ApplicationScoped
public class SesEvents {
  private final FeedbackConfig config;

  public SesEvents(FeedbackConfig config) {
    this.config = config;
  }

  /**
   * The events a record calls for.
   *
   * @throws RejectedSnsMessage when it cannot be attributed or is of an unknown type
   */
  public List<ContractEvent<EmailEvent>> of(JsonNode record) {
    String type = record.path("eventType").asText(record.path("notificationType").asText(""));
    JsonNode mail = record.path("mail");
    Map<String, String> tags = tags(mail.path("tags"));
    String tenant = tags.get("isolane-tenant");
    String message = tags.get("isolane-message");
    if (tenant == null || message == null) {
      throw new RejectedSnsMessage("no isolane-tenant/isolane-message tags on SES " + type);
    }
    Base base =
        new Base(
            tenant,
            message,
            tags.get("isolane-mailbox"),
            mail.path("messageId").asText(null),
            tags);
    return switch (type) {
      case "Send" -> List.of();
      case "Delivery" ->
          each(
              base,
              EmailEventType.DELIVERED,
              record.path("delivery").path("recipients"),
              null,
              null,
              null);
      case "Bounce" -> bounces(base, record.path("bounce"));
      case "Complaint" -> complaints(base, record.path("complaint"));
      case "DeliveryDelay" ->
          each(
              base,
              EmailEventType.DELIVERY_DELAYED,
              emails(record.path("deliveryDelay").path("delayedRecipients")),
              record.path("deliveryDelay").path("delayType").asText(null),
              null,
              null);
      case "Reject" ->
          List.of(
              event(
                  base,
                  EmailEventType.REJECTED,
                  null,
                  record.path("reject").path("reason").asText(null),
                  null,
                  null));
      case "Open" -> List.of(event(base, EmailEventType.OPENED, null, null, null, null));
      case "Click" ->
          List.of(
              event(
                  base,
                  EmailEventType.CLICKED,
                  null,
                  record.path("click").path("link").asText(null),
                  null,
                  null));
      case "Rendering Failure" ->
          List.of(
              event(
                  base,
                  EmailEventType.FAILED,
                  null,
                  "rendering failure: " + record.path("failure").path("errorMessage").asText(""),
                  null,
                  null));
      default -> throw new RejectedSnsMessage("unsupported SES event type '" + type + "'");
    };
  }

  private record Base(
      String tenant,
      String message,
      String mailbox,
      String sesMessageId,
      Map<String, String> tags) {}

  private List<ContractEvent<EmailEvent>> bounces(Base base, JsonNode bounce) {
    String kind = bounce.path("bounceType").asText("").toLowerCase(Locale.ROOT);
    String subType = bounce.path("bounceSubType").asText(null);
    List<ContractEvent<EmailEvent>> out = new ArrayList<>();
    for (JsonNode r : bounce.path("bouncedRecipients")) {
      String diagnostic = r.path("diagnosticCode").asText(null);
      EmailEvent.Bounce detail =
          new EmailEvent.Bounce(
              kind, subType, diagnostic, BounceReasons.classify(subType, diagnostic));
      out.add(
          event(
              base,
              EmailEventType.BOUNCED,
              r.path("emailAddress").asText(),
              diagnostic,
              detail,
              null));
    }
    return out;
  }

  private List<ContractEvent<EmailEvent>> complaints(Base base, JsonNode complaint) {
    String feedback = complaint.path("complaintFeedbackType").asText(null);
    return each(
        base,
        EmailEventType.COMPLAINED,
        emails(complaint.path("complainedRecipients")),
        null,
        null,
        feedback);
  }

  private List<ContractEvent<EmailEvent>> each(
      Base base,
      EmailEventType type,
      JsonNode recipients,
      String reason,
      EmailEvent.Bounce bounce,
      String feedback) {
    List<ContractEvent<EmailEvent>> out = new ArrayList<>();
    recipients.forEach(r -> out.add(event(base, type, r.asText(), reason, bounce, feedback)));
    return out;
  }

  private static JsonNode emails(JsonNode recipients) {
    com.fasterxml.jackson.databind.node.ArrayNode out =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    recipients.forEach(r -> out.add(r.path("emailAddress").asText()));
    return out;
  }

  // the id derives from the SES message, the step and the recipient: a redelivery is the same event
  private ContractEvent<EmailEvent> event(
      Base base,
      EmailEventType type,
      String recipient,
      String reason,
      EmailEvent.Bounce bounce,
      String feedback) {
    String address = recipient == null ? null : recipient.toLowerCase(Locale.ROOT);
    EmailEvent event =
        new EmailEvent(
            base.message(),
            base.tenant(),
            type,
            base.mailbox(),
            null,
            address,
            Instant.now(),
            reason,
            base.sesMessageId(),
            bounce,
            feedback,
            base.tags());
    String key = base.tenant() + "/" + base.message() + "/" + type + "/" + address;
    String id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    return ContractEvent.withId(id, EventTypes.EMAIL_EVENT, config.eventSource(), event);
  }

  private static Map<String, String> tags(JsonNode tags) {
    Map<String, String> out = new HashMap<>();
    tags.fields()
        .forEachRemaining(
            e ->
                out.put(
                    e.getKey(),
                    e.getValue().isArray()
                        ? e.getValue().path(0).asText()
                        : e.getValue().asText()));
    return out;
  }
}
