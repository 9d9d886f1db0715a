package io.isolane.replies;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.InboundReply;
import io.isolane.contracts.events.ReplyCategory;
import io.isolane.contracts.events.ReplyClassified;
import io.isolane.contracts.events.Suppression;
import io.isolane.contracts.events.SuppressionReason;
import io.isolane.contracts.events.SuppressionRequest;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.sessimulator.sns.SnsSubscription;
import io.isolane.sessimulator.sns.SnsTopic;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.IsolaneTestResource;
import io.isolane.testkit.PackagedApp;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.SesSimulatorResource;
import io.isolane.testkit.TestApiKeys;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * End to end on the real broker, both services as deployed: inbound mail enters through the SES
 * simulator's receipt rule and SNS, feedback-service (its packaged jar, a child process on the same
 * broker with its own {@code feedback} database) verifies the notification and forwards the raw
 * MIME on {@code inbound.replies}; this service (in the test JVM) classifies it; an unsubscribe
 * becomes a {@code suppression.requests} record that feedback-service applies for that tenant only,
 * and an out-of-office reply carries its return date.
 */
@QuarkusTest
@WithTestResource(
    value = IsolaneTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "replies"))
class ReplyToSuppressionEndToEndTest {
  private static final Path FEEDBACK_JAR =
      Path.of("../feedback-service/target/quarkus-app/quarkus-run.jar");
  private static final String TOPIC = "isolane-e2e-inbound-mail";

  @Test
  void anUnsubscribeReplySuppressesItsAuthorForThatTenantAndAnAbsenceCarriesItsReturnDate()
      throws Exception {
    SnsTopic topic = SesSimulatorResource.simulator().sns().createTopic(TOPIC);
    Tenant a = Tenant.create();
    Tenant b = Tenant.create();
    LocalDate back = LocalDate.now(ZoneOffset.UTC).plusDays(20);
    try (PackagedApp feedback =
            PackagedApp.start(
                FEEDBACK_JAR, feedbackConfig(topic), Path.of("target/e2e-feedback.log"));
        TopicWatcher<InboundReply> inbound = ContractKafka.watch(EventTypes.INBOUND_REPLY);
        TopicWatcher<ReplyClassified> classified =
            ContractKafka.watch(EventTypes.REPLY_CLASSIFIED);
        TopicWatcher<SuppressionRequest> requests =
            ContractKafka.watch(EventTypes.SUPPRESSION_REQUEST);
        TopicWatcher<Suppression> suppressions = ContractKafka.watch(EventTypes.SUPPRESSION)) {
      SnsSubscription subscription = subscribe(topic, feedback.uri().resolve("/sns/ses"));
      try {
        a.announceAndAwaitKnown(feedback);
        b.announceAndAwaitKnown(feedback);
        receiptRule(a.domain(), topic.arn);
        receiptRule(b.domain(), topic.arn);

        // 1. an out-of-office reply: classified with its return date, nobody suppressed
        receive(outOfOffice(a.mailbox(), back));
        InboundReply absenceIn = inbound.await(e -> e.subject().equals(a.id())).data();
        assertThat(absenceIn.sender()).isEqualTo("carol@example.net");
        ReplyClassified absence =
            classified.await(e -> e.data().replyId().equals(absenceIn.replyId())).data();
        assertThat(absence.category()).isEqualTo(ReplyCategory.OUT_OF_OFFICE);
        assertThat(absence.returnDate()).isEqualTo(back);
        assertThat(absence.mailbox()).isEqualTo(a.mailbox());

        // 2. an unsubscribe reply: classified, requested, applied for tenant A only
        receive(unsubscribe(a.mailbox()));
        InboundReply unsubscribeIn =
            inbound
                .await(
                    e ->
                        e.subject().equals(a.id())
                            && !e.data().replyId().equals(absenceIn.replyId()))
                .data();
        assertThat(unsubscribeIn.recipient()).isEqualTo(a.mailbox());
        assertThat(unsubscribeIn.sender()).isEqualTo("bob@example.org");
        ContractEvent<ReplyClassified> unsubscribed =
            classified.await(e -> e.data().replyId().equals(unsubscribeIn.replyId()));
        assertThat(unsubscribed.key()).isEqualTo(a.id());
        assertThat(unsubscribed.data().category()).isEqualTo(ReplyCategory.UNSUBSCRIBE);
        assertThat(unsubscribed.data().language()).isEqualTo("en");
        assertThat(unsubscribed.data().mailbox()).isEqualTo(a.mailbox());

        ContractEvent<SuppressionRequest> request =
            requests.await(e -> e.data().sourceEventId().equals(unsubscribeIn.replyId()));
        assertThat(request.key()).isEqualTo(a.id());
        assertThat(request.data().tenantId()).isEqualTo(a.id());
        assertThat(request.data().address()).isEqualTo("bob@example.org");
        assertThat(request.data().reason()).isEqualTo(SuppressionReason.UNSUBSCRIBE);
        assertThat(request.data().requestedBy()).isEqualTo("reply-classifier");

        ContractEvent<Suppression> suppressed =
            suppressions.await(e -> e.key().equals(a.id() + "/bob@example.org"));
        assertThat(suppressed.data().tenantId()).isEqualTo(a.id());
        assertThat(suppressed.data().address()).isEqualTo("bob@example.org");
        assertThat(suppressed.data().suppressed()).isTrue();
        assertThat(suppressed.data().reason()).isEqualTo(SuppressionReason.UNSUBSCRIBE);
        assertThat(suppressed.data().sourceEventId()).isEqualTo(request.id());

        a.api(feedback)
            .get("/v1/suppressions/bob@example.org")
            .then()
            .statusCode(200)
            .body("address", equalTo("bob@example.org"))
            .body("reason", equalTo("unsubscribe"))
            .body("sourceEventId", equalTo(request.id()));
        b.api(feedback).get("/v1/suppressions/bob@example.org").then().statusCode(404);
        a.api(feedback)
            .get("/v1/suppressions")
            .then()
            .statusCode(200)
            .body("items.address", hasItem("bob@example.org"));

        // Both replies went through one partition (key: tenant A) in order, and so did any
        // request: once Bob's is applied, one for the absence would have been applied before it.
        assertThat(requestsFor(requests, absenceIn.replyId())).isZero();
        a.api(feedback).get("/v1/suppressions/carol@example.net").then().statusCode(404);
        assertThat(
                suppressions.seen().stream().filter(r -> r.key().startsWith(b.id() + "/")).count())
            .isZero();
      } finally {
        SesSimulatorResource.simulator().sns().unsubscribe(subscription.arn);
      }
    }
  }

  /** A tenant announced on tenant.state with one owned domain, one mailbox and a read key. */
  private record Tenant(String id, String key) {
    static Tenant create() {
      return new Tenant(SampleEvents.newTenantId(), TestApiKeys.newKey());
    }

    String domain() {
      return "mail." + id + ".example";
    }

    String mailbox() {
      return "ana@" + domain();
    }

    RequestSpecification api(PackagedApp app) {
      return given()
          .baseUri(app.uri().toString())
          .port(app.uri().getPort())
          .header("Authorization", "Bearer " + key);
    }

    /** Publishes the tenant (as tenant-service does) and waits until feedback-service knows it. */
    void announceAndAwaitKnown(PackagedApp feedback) {
      ContractKafka.publish(
          SampleEvents.tenantState(
              id,
              TenantStatus.ACTIVE,
              1,
              List.of(TestApiKeys.digest(key, List.of("read", "send"))),
              mailbox()));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> api(feedback).get("/v1/suppressions").statusCode() == 200);
    }
  }

  /**
   * feedback-service's configuration: this JVM's broker, its own database, the simulator as SES and
   * as the trusted source of SNS signing certificates, with {@code topic} allow-listed.
   */
  private static Map<String, String> feedbackConfig(SnsTopic topic) {
    IsolaneTestResource infra = new IsolaneTestResource();
    infra.init(Map.of("database", "feedback"));
    Map<String, String> config = new HashMap<>(infra.start());
    config.putAll(new SesSimulatorResource().start());
    config.put("isolane.feedback.sns.allowed-topic-arns", topic.arn);
    config.put(
        "isolane.feedback.sns.extra-trusted-sources",
        SesSimulatorResource.simulator().endpoint().toString());
    byte[] secret = "reply-end-to-end-tests-only-secret".getBytes(StandardCharsets.UTF_8);
    config.put("isolane.unsubscribe.signing-key-id", "e2e");
    config.put("isolane.unsubscribe.secrets", "e2e:" + Base64.getEncoder().encodeToString(secret));
    config.put("isolane.feedback.directory-refresh", "200ms");
    return config;
  }

  /** Subscribes {@code endpoint} to the topic and waits until it confirmed the subscription. */
  private static SnsSubscription subscribe(SnsTopic topic, URI endpoint) {
    SnsSubscription subscription =
        SesSimulatorResource.simulator().sns().subscribe(topic, "http", endpoint.toString(), false);
    await().atMost(Duration.ofSeconds(30)).until(() -> subscription.confirmed);
    return subscription;
  }

  /** An SES receipt rule: mail for {@code domain} is published on the topic, base64-encoded. */
  private static void receiptRule(String domain, String topicArn) {
    simulator()
        .contentType("application/json")
        .body(Map.of("TopicArn", topicArn, "Encoding", "Base64"))
        .put("/_simulator/inbound/rules/" + domain)
        .then()
        .statusCode(200);
  }

  /** Mail arriving at SES. */
  private static void receive(String raw) {
    simulator()
        .contentType("message/rfc822")
        .body(raw.getBytes(StandardCharsets.UTF_8))
        .post("/_simulator/inbound")
        .then()
        .statusCode(200)
        .body("Recipients.size()", equalTo(1));
  }

  private static RequestSpecification simulator() {
    URI endpoint = SesSimulatorResource.simulator().endpoint();
    return given().baseUri(endpoint.toString()).port(endpoint.getPort());
  }

  private static long requestsFor(TopicWatcher<SuppressionRequest> requests, String replyId) {
    return requests.seen().stream()
        .map(r -> EventCodec.decode(EventTypes.SUPPRESSION_REQUEST, r).data())
        .filter(r -> r.sourceEventId().equals(replyId))
        .count();
  }

  private static String unsubscribe(String to) {
    return message(
        "Bob <bob@example.org>",
        to,
        "Re: A faster way to warm up your domains",
        "",
        "Hi Ana,\r\n\r\nplease remove me from your list.\r\n\r\nBob\r\n\r\n"
            + "On Mon, 2 Mar 2026 at 10:00, Ana <"
            + to
            + "> wrote:\r\n> Would a short demo help? Reply to unsubscribe.\r\n");
  }

  private static String outOfOffice(String to, LocalDate back) {
    String date = back.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
    return message(
        "Carol <carol@example.net>",
        to,
        "Automatic reply: A faster way to warm up your domains",
        "Auto-Submitted: auto-replied\r\n",
        "I am out of the office with limited access to email and will be back on "
            + date
            + ".\r\nFor anything urgent, please call the front desk.\r\n");
  }

  private static String message(
      String from, String to, String subject, String extraHeaders, String body) {
    return "From: "
        + from
        + "\r\nTo: "
        + to
        + "\r\nSubject: "
        + subject
        + "\r\nMessage-ID: <"
        + UUID.randomUUID()
        + "@example.org>\r\n"
        + extraHeaders
        + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
        + "Content-Transfer-Encoding: 8bit\r\n\r\n"
        + body;
  }
}
