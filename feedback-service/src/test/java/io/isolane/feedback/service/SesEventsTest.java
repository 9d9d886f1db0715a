package io.isolane.feedback.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.ContractJson;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.feedback.config.FeedbackConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Record shapes as the SES developer guide documents them for event publishing. */
class SesEventsTest {
  private static final SesEvents.Attribution ANA =
      new SesEvents.Attribution("acme", "m-1", "ana@mail.acme.example", Map.of());
  private final SesEvents events = new SesEvents(config());

  @Test
  void unsubscribingFromEverythingUnsubscribesEachDestinationAndATopicChangeNothing()
      throws Exception {
    List<ContractEvent<EmailEvent>> all = events.of(subscription(true), ANA);
    assertThat(all)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.data().type()).isEqualTo(EmailEventType.UNSUBSCRIBED);
              assertThat(e.data().recipient()).isEqualTo("bob@example.org");
              assertThat(e.data().reason()).isEqualTo("list management: UnsubscribeHeader");
            });
    assertThat(events.of(subscription(false), ANA)).isEmpty();
  }

  @Test
  void deliveryDelayRejectOpenClickAndRenderingFailureMapToTheirEvents() throws Exception {
    assertThat(
            types(
                "{\"eventType\":\"DeliveryDelay\",\"mail\":{\"messageId\":\"s\"},\"deliveryDelay\":{\"delayType\":\"MailboxFull\",\"delayedRecipients\":[{\"emailAddress\":\"a@x.org\"}]}}"))
        .containsExactly(EmailEventType.DELIVERY_DELAYED);
    assertThat(
            types(
                "{\"eventType\":\"Reject\",\"mail\":{\"messageId\":\"s\"},\"reject\":{\"reason\":\"Bad content\"}}"))
        .containsExactly(EmailEventType.REJECTED);
    assertThat(types("{\"eventType\":\"Open\",\"mail\":{\"messageId\":\"s\"},\"open\":{}}"))
        .containsExactly(EmailEventType.OPENED);
    assertThat(
            types(
                "{\"eventType\":\"Click\",\"mail\":{\"messageId\":\"s\"},\"click\":{\"link\":\"https://x\"}}"))
        .containsExactly(EmailEventType.CLICKED);
    assertThat(
            types(
                "{\"eventType\":\"Rendering Failure\",\"mail\":{\"messageId\":\"s\"},\"failure\":{\"errorMessage\":\"no var\"}}"))
        .containsExactly(EmailEventType.FAILED);
    assertThat(
            types(
                "{\"notificationType\":\"Complaint\",\"mail\":{\"messageId\":\"s\"},\"complaint\":{\"complaintFeedbackType\":\"abuse\",\"complainedRecipients\":[{\"emailAddress\":\"a@x.org\"},{\"emailAddress\":\"b@x.org\"}]}}"))
        .containsExactly(EmailEventType.COMPLAINED, EmailEventType.COMPLAINED);
    assertThatThrownBy(() -> types("{\"eventType\":\"Teleport\",\"mail\":{}}"))
        .hasMessageContaining("unsupported SES event type 'Teleport'");
  }

  private List<EmailEventType> types(String json) throws Exception {
    return events.of(ContractJson.mapper().readTree(json), ANA).stream()
        .map(e -> e.data().type())
        .toList();
  }

  private static JsonNode subscription(boolean all) throws Exception {
    return ContractJson.mapper()
        .readTree(
            "{\"eventType\":\"Subscription\",\"mail\":{\"messageId\":\"0100-1\","
                + "\"destination\":[\"Bob@Example.org\"]},\"subscription\":{\"contactList\":\"news\","
                + "\"timestamp\":\"2026-11-22T10:00:00Z\",\"source\":\"UnsubscribeHeader\","
                + "\"newTopicPreferences\":{\"unsubscribeAll\":"
                + all
                + ",\"topicSubscriptionStatus\":"
                + "[{\"topicName\":\"weekly\",\"subscriptionStatus\":\"OptOut\"}]},"
                + "\"oldTopicPreferences\":{\"unsubscribeAll\":false}}}");
  }

  @Test
  void theMailboxIsTheSenderItsSanitisedTagWasMadeOfNeverTheTagItself() throws Exception {
    JsonNode bySource =
        record(
            "{\"eventType\":\"Bounce\",\"mail\":{\"source\":\"ana@mail.acme.example\","
                + "\"tags\":{\"isolane-tenant\":[\"acme\"],\"isolane-message\":[\"m-1\"],"
                + "\"isolane-mailbox\":[\"ana_mail_acme_example\"]}}}");
    assertThat(SesEvents.fromTags(bySource).orElseThrow().mailbox())
        .isEqualTo("ana@mail.acme.example");

    JsonNode byFromHeader =
        record(
            "{\"mail\":{\"source\":\"bounces@mail.acme.example\",\"commonHeaders\":{\"from\":"
                + "[\"\\\"Ana Lima\\\" <ana@mail.acme.example>\"]},"
                + "\"tags\":{\"isolane-tenant\":[\"acme\"],\"isolane-message\":[\"m-1\"],"
                + "\"isolane-mailbox\":[\"ana_mail_acme_example\"]}}}");
    assertThat(SesEvents.fromTags(byFromHeader).orElseThrow().mailbox())
        .isEqualTo("ana@mail.acme.example");

    JsonNode unmatched =
        record(
            "{\"mail\":{\"source\":\"bob@mail.acme.example\","
                + "\"tags\":{\"isolane-tenant\":[\"acme\"],\"isolane-message\":[\"m-1\"],"
                + "\"isolane-mailbox\":[\"ana_mail_acme_example\"]}}}");
    assertThat(SesEvents.fromTags(unmatched).orElseThrow().mailbox())
        .as("unknown rather than an address that is not one")
        .isNull();
  }

  private static JsonNode record(String json) throws Exception {
    return ContractJson.mapper().readTree(json);
  }

  private static FeedbackConfig config() {
    return new FeedbackConfig() {
      @Override
      public String eventSource() {
        return "/test";
      }

      @Override
      public int softBounceLimit() {
        return 3;
      }

      @Override
      public Duration softBounceSuppression() {
        return Duration.ofDays(7);
      }

      @Override
      public Duration directoryRefresh() {
        return Duration.ofSeconds(1);
      }

      @Override
      public Duration sentMessageRetention() {
        return Duration.ofDays(30);
      }
    };
  }
}
