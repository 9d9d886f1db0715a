package io.isolane.feedback.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.SesTags;
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
 * recipient concerned, attributed to tenant, mailbox and message. Send is sending-service's own
 * news and is not repeated.
 */
@ApplicationScoped
public class SesEvents {
  private final FeedbackConfig config;

  public SesEvents(FeedbackConfig config) {
    this.config = config;
  }

  /**
   * Whom a record is about: tenant, message and mailbox, from the tags sending-service put on the
   * message (event publishing carries them; classic notifications may not).
   *
   * @param tenant tenant id
   * @param message platform message id
   * @param mailbox sending mailbox, if known
   * @param tags the message's tags
   */
  public record Attribution(
      String tenant, String message, String mailbox, Map<String, String> tags) {}

  /** The attribution the record's own tags give, if they do. */
  public static java.util.Optional<Attribution> fromTags(JsonNode record) {
    Map<String, String> tags = tags(record.path("mail").path("tags"));
    String tenant = tags.get(SesTags.TENANT);
    String message = tags.get(SesTags.MESSAGE);
    return tenant == null || message == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(
            new Attribution(
                tenant, message, sender(record.path("mail"), tags.get(SesTags.MAILBOX)), tags));
  }

  /**
   * The sending mailbox: the mail's source or From address that the (sanitised) mailbox tag was
   * made of, or null when none was; the tag itself ({@code ana_mail_example_com}) is no address.
   */
  static String sender(JsonNode mail, String mailboxTag) {
    List<String> candidates = new ArrayList<>();
    candidates.add(mail.path("source").asText(""));
    mail.path("commonHeaders").path("from").forEach(from -> candidates.add(from.asText("")));
    return candidates.stream()
        .map(SesEvents::address)
        .filter(address -> SesTags.carries(mailboxTag, address))
        .findFirst()
        .orElse(null);
  }

  /** The address of {@code "Name" <a@b>} or {@code a@b}. */
  private static String address(String header) {
    int open = header.lastIndexOf('<');
    int close = header.lastIndexOf('>');
    return (open >= 0 && close > open ? header.substring(open + 1, close) : header).trim();
  }

  /** The type of a record: its eventType (event publishing) or notificationType (classic). */
  public static String typeOf(JsonNode record) {
    return record.path("eventType").asText(record.path("notificationType").asText(""));
  }

  /**
   * The events a record about this message calls for.
   *
   * @throws RejectedSnsMessage when it is of an unknown type
   */
  public List<ContractEvent<EmailEvent>> of(JsonNode record, Attribution a) {
    String type = typeOf(record);
    Base base =
        new Base(
            a.tenant(),
            a.message(),
            a.mailbox(),
            record.path("mail").path("messageId").asText(null),
            a.tags());
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
      case "Subscription" -> subscription(base, record);
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

  /**
   * A list-management change: unsubscribing from everything is an unsubscribe of each destination;
   * a change of single topics is the contact list's business and calls for no platform event.
   */
  private List<ContractEvent<EmailEvent>> subscription(Base base, JsonNode record) {
    JsonNode subscription = record.path("subscription");
    if (!subscription.path("newTopicPreferences").path("unsubscribeAll").asBoolean(false)) {
      return List.of();
    }
    return each(
        base,
        EmailEventType.UNSUBSCRIBED,
        record.path("mail").path("destination"),
        "list management: " + subscription.path("source").asText("unknown source"),
        null,
        null);
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
