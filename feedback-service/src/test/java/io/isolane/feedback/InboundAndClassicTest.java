package io.isolane.feedback;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.InboundReply;
import io.isolane.sessimulator.sns.SnsSubscription;
import io.isolane.sessimulator.sns.SnsTopic;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SesSimulatorResource;
import io.isolane.testkit.TestDatabase;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Inbound mail (SES receipt notifications) becomes inbound.replies for the tenant owning the
 * domain; classic notifications without tags are attributed through sending-service's sent events.
 */
@QuarkusTest
@WithTestResource(FeedbackTestResources.class)
class InboundAndClassicTest {
  private static final String TOPIC = SignedSns.topicArn(FeedbackTestResources.TOPIC);

  @TestHTTPResource("/sns/ses")
  URL endpoint;

  private SnsSubscription subscription;

  @jakarta.inject.Inject io.isolane.feedback.service.SentMessagePurge purge;

  @BeforeEach
  void subscribe() {
    SnsTopic topic = SesSimulatorResource.simulator().sns().topic(TOPIC).orElseThrow();
    subscription =
        SesSimulatorResource.simulator().sns().subscribe(topic, "http", endpoint.toString(), false);
    await().atMost(Duration.ofSeconds(10)).until(() -> subscription.confirmed);
  }

  @AfterEach
  void unsubscribe() {
    SesSimulatorResource.simulator().sns().unsubscribe(subscription.arn);
  }

  @Test
  void inboundMailReachesTheTenantOwningTheDomainWithItsRawMimeInEitherEncoding() {
    ApiTenants base64 = ApiTenants.provision();
    ApiTenants utf8 = ApiTenants.provision();
    rule("mail." + base64.id() + ".example", "Base64");
    rule("mail." + utf8.id() + ".example", "UTF-8");
    try (TopicWatcher<InboundReply> replies = ContractKafka.watch(EventTypes.INBOUND_REPLY)) {
      for (ApiTenants t : new ApiTenants[] {base64, utf8}) {
        String raw = reply("ana@mail." + t.id() + ".example", "Olá, tenho interesse!");
        receive(raw).then().statusCode(200);

        InboundReply reply = replies.await(r -> r.subject().equals(t.id())).data();
        assertThat(reply.recipient()).isEqualTo("ana@mail." + t.id() + ".example");
        assertThat(reply.sender()).isEqualTo("bob@example.org");
        assertThat(reply.sesMessageId()).isNotBlank();
        assertThat(new String(Base64.getDecoder().decode(reply.rawMime()), StandardCharsets.UTF_8))
            .isEqualTo(raw);
      }
    }
  }

  @Test
  void inboundMailForADomainNoTenantOwnsIsDeadLetteredWithTheReason() {
    String domain = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    rule(domain, "Base64");
    try (var dlq = ContractKafka.watchRaw("dlq.feedback-service")) {
      receive(reply("x@" + domain, "hello")).then().statusCode(200);

      assertThat(dlq.awaitDeadLetterReason(TOPIC)).contains("no tenant owns").contains(domain);
    }
  }

  @Test
  void aClassicNotificationWithoutTagsIsAttributedThroughTheSentEvent() {
    ApiTenants t = ApiTenants.provision();
    String ana = "ana@mail." + t.id() + ".example";
    String sesId = "0100018c-" + UUID.randomUUID();
    EmailEvent sent =
        new EmailEvent(
            "msg-classic",
            t.id(),
            EmailEventType.SENT,
            ana,
            null,
            null,
            Instant.now(),
            null,
            sesId,
            null,
            null,
            Map.of());
    ContractKafka.publish(
        io.isolane.contracts.ContractEvent.of(EventTypes.EMAIL_EVENT, "/test", sent));
    TestDatabase.awaitValue(
        t.id(),
        Duration.ofSeconds(30),
        "feedback",
        "SELECT tenant_id FROM sent_message WHERE ses_message_id = ?",
        sesId);

    try (TopicWatcher<EmailEvent> events = ContractKafka.watch(EventTypes.EMAIL_EVENT)) {
      post(classicBounce(sesId, "gone@example.org"), Instant.now())
          .then()
          .statusCode(200)
          .body(equalTo("published 1"));

      EmailEvent bounced =
          events
              .await(e -> e.subject().equals(t.id()) && e.data().type() == EmailEventType.BOUNCED)
              .data();
      assertThat(bounced.messageId()).isEqualTo("msg-classic");
      assertThat(bounced.mailbox()).isEqualTo(ana);
      assertThat(bounced.sesMessageId()).isEqualTo(sesId);
      assertThat(bounced.bounce().reasonClass()).isEqualTo("userunknown");
    }
  }

  @Test
  void aClassicNotificationAboutAnUnknownMessageIsRetriedWhileRecentThenDeadLettered() {
    String sesId = "0100018c-" + UUID.randomUUID();
    post(classicBounce(sesId, "x@example.org"), Instant.now()).then().statusCode(503);

    try (var dlq = ContractKafka.watchRaw("dlq.feedback-service")) {
      post(classicBounce(sesId, "x@example.org"), Instant.now().minus(Duration.ofMinutes(10)))
          .then()
          .statusCode(200)
          .body(equalTo("dead-lettered"));
      assertThat(dlq.awaitDeadLetterReason(TOPIC)).contains(sesId).contains("never reported sent");
    }
  }

  @Test
  void sesMessageIdsOlderThanTheRetentionAreForgotten() {
    String old = "old-" + UUID.randomUUID();
    String fresh = "fresh-" + UUID.randomUUID();
    insertSent(old, "31 days");
    insertSent(fresh, "1 day");

    assertThat(purge.purge().await().atMost(Duration.ofSeconds(10))).isPositive();

    assertThat(sentCount(old)).isEqualTo("0");
    assertThat(sentCount(fresh)).isEqualTo("1");
  }

  private static void insertSent(String sesMessageId, String age) {
    TestDatabase.queryString(
        "feedback",
        "INSERT INTO sent_message (ses_message_id, tenant_id, message_id, mailbox, sent_at)"
            + " VALUES (?, 't-purge', 'm', 'a@b.example', now() - interval '"
            + age
            + "') RETURNING 1",
        sesMessageId);
  }

  private static String sentCount(String sesMessageId) {
    return TestDatabase.queryString(
        "feedback", "SELECT count(*) FROM sent_message WHERE ses_message_id = ?", sesMessageId);
  }

  private static void rule(String domain, String encoding) {
    given()
        .baseUri(SesSimulatorResource.simulator().endpoint().toString())
        .contentType("application/json")
        .body(Map.of("TopicArn", TOPIC, "Encoding", encoding))
        .put("/_simulator/inbound/rules/" + domain)
        .then()
        .statusCode(200);
  }

  private static io.restassured.response.Response receive(String raw) {
    return given()
        .baseUri(SesSimulatorResource.simulator().endpoint().toString())
        .contentType("message/rfc822")
        .body(raw.getBytes(StandardCharsets.UTF_8))
        .post("/_simulator/inbound");
  }

  private static String reply(String to, String text) {
    return "From: Bob <bob@example.org>\r\nTo: "
        + to
        + "\r\nSubject: Re: hello\r\n"
        + "Message-ID: <"
        + UUID.randomUUID()
        + "@example.org>\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + text
        + "\r\n";
  }

  /** A classic SES bounce notification: notificationType, no tags. */
  private static String classicBounce(String sesMessageId, String recipient) {
    return "{\"notificationType\":\"Bounce\",\"mail\":{\"timestamp\":\"2026-11-22T10:00:00.000Z\","
        + "\"messageId\":\""
        + sesMessageId
        + "\",\"source\":\"ana@mail.example\","
        + "\"destination\":[\""
        + recipient
        + "\"]},"
        + "\"bounce\":{\"bounceType\":\"Permanent\",\"bounceSubType\":\"General\","
        + "\"bouncedRecipients\":[{\"emailAddress\":\""
        + recipient
        + "\",\"status\":\"5.1.1\","
        + "\"diagnosticCode\":\"smtp; 550 5.1.1 user unknown\"}],"
        + "\"timestamp\":\"2026-11-22T10:00:01.000Z\",\"feedbackId\":\"fb-"
        + UUID.randomUUID()
        + "\"}}";
  }

  private io.restassured.response.Response post(String message, Instant at) {
    return given()
        .contentType("text/plain")
        .body(SignedSns.notification(TOPIC, message, at, "2").toString())
        .post(endpoint.toString());
  }
}
