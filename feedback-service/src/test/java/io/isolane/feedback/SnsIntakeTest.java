package io.isolane.feedback;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.Suppression;
import io.isolane.contracts.events.SuppressionReason;
import io.isolane.sessimulator.sns.SnsSubscription;
import io.isolane.sessimulator.sns.SnsTopic;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.SesSimulatorResource;
import io.isolane.testkit.TestDatabase;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.InetSocketAddress;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SES feedback over SNS: verified before a byte is trusted, deduplicated, attributed to tenants.
 */
@QuarkusTest
@WithTestResource(FeedbackTestResources.class)
class SnsIntakeTest {
  private static final String TOPIC = SignedSns.topicArn(FeedbackTestResources.TOPIC);

  @TestHTTPResource("/sns/ses")
  URL endpoint;

  private TopicWatcher<Suppression> suppressions;
  private TopicWatcher<EmailEvent> events;

  @BeforeEach
  void watch() {
    suppressions = ContractKafka.watch(EventTypes.SUPPRESSION);
    events = ContractKafka.watch(EventTypes.EMAIL_EVENT);
  }

  @AfterEach
  void close() {
    suppressions.close();
    events.close();
  }

  @Test
  void aConfirmedSubscriptionTurnsAHardBounceIntoASuppressionForThatTenantOnly() {
    String tenant = SampleEvents.newTenantId();
    String other = SampleEvents.newTenantId();
    SnsTopic topic = SesSimulatorResource.simulator().sns().topic(TOPIC).orElseThrow();
    SnsSubscription subscription =
        SesSimulatorResource.simulator().sns().subscribe(topic, "http", endpoint.toString(), false);
    await().atMost(Duration.ofSeconds(10)).until(() -> subscription.confirmed);

    SesSimulatorResource.simulator()
        .sns()
        .publish(topic, null, SignedSns.bounce(tenant, "Gone@Example.org"));

    EmailEvent bounced =
        events
            .await(e -> e.subject().equals(tenant) && e.data().type() == EmailEventType.BOUNCED)
            .data();
    assertThat(bounced.recipient()).isEqualTo("gone@example.org");
    assertThat(bounced.messageId()).isEqualTo("m-1");
    assertThat(bounced.bounce().kind()).isEqualTo("permanent");
    assertThat(bounced.bounce().reasonClass()).isEqualTo("userunknown");
    Suppression suppressed = suppressions.await(e -> e.subject().equals(tenant)).data();
    assertThat(suppressed.reason()).isEqualTo(SuppressionReason.HARD_BOUNCE);
    assertThat(rows(other)).isEqualTo("0");
    SesSimulatorResource.simulator().sns().unsubscribe(subscription.arn);
  }

  @Test
  void aSignedNotificationIsPublishedOnceHoweverOftenSnsDeliversIt() {
    String tenant = SampleEvents.newTenantId();
    String body =
        SignedSns.notification(
                TOPIC, SignedSns.delivery(tenant, "ok@example.org"), Instant.now(), "2")
            .toString();

    post(body).then().statusCode(200).body(equalTo("published 1"));
    post(body).then().statusCode(200).body(equalTo("duplicate"));

    EmailEvent delivered =
        events
            .await(e -> e.subject().equals(tenant) && e.data().type() == EmailEventType.DELIVERED)
            .data();
    assertThat(delivered.recipient()).isEqualTo("ok@example.org");
    String v1 =
        SignedSns.notification(
                TOPIC, SignedSns.delivery(tenant, "v1@example.org"), Instant.now(), "1")
            .toString();
    post(v1).then().statusCode(200).body(equalTo("published 1"));
    assertThat(
            TestDatabase.queryString(
                "feedback",
                "SELECT count(*) FROM processed_event WHERE tenant_id = ? AND event_id LIKE 'sns:%'",
                tenant))
        .isEqualTo("2");
  }

  @Test
  void forgedTamperedForeignOrStaleMessagesAreRefusedWithTheReason() {
    String tenant = SampleEvents.newTenantId();
    ObjectNode tampered =
        SignedSns.notification(
            TOPIC, SignedSns.bounce(tenant, "a@example.org"), Instant.now(), "2");
    tampered.put("Message", SignedSns.bounce(tenant, "victim@example.org"));
    String foreign =
        SignedSns.notification(
                SignedSns.topicArn("someone-elses-topic"),
                SignedSns.bounce(tenant, "a@example.org"),
                Instant.now(),
                "2")
            .toString();
    String stale =
        SignedSns.notification(
                TOPIC,
                SignedSns.bounce(tenant, "a@example.org"),
                Instant.now().minus(Duration.ofHours(2)),
                "2")
            .toString();
    ObjectNode unknownVersion =
        SignedSns.notification(
            TOPIC, SignedSns.bounce(tenant, "a@example.org"), Instant.now(), "2");
    unknownVersion.put("SignatureVersion", "3");

    post(tampered.toString())
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", equalTo("bad signature"));
    post(foreign).then().statusCode(400).body("detail", containsString("topic not allowed"));
    post(stale).then().statusCode(400).body("detail", containsString("stale Timestamp"));
    post(unknownVersion.toString())
        .then()
        .statusCode(400)
        .body("detail", containsString("SignatureVersion"));
    post("this is not json").then().statusCode(400).body("detail", equalTo("not JSON"));
    assertThat(rows(tenant)).isEqualTo("0");
  }

  @Test
  void noCertificateIsEverFetchedFromAHostThatIsNotSns() throws Exception {
    AtomicInteger hits = new AtomicInteger();
    HttpServer evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    evil.createContext(
        "/",
        exchange -> {
          hits.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    evil.start();
    try {
      int port = evil.getAddress().getPort();
      for (String certUrl :
          new String[] {
            "https://127.0.0.1:" + port + "/SimpleNotificationService-x.pem",
            "http://127.0.0.1:" + port + "/SimpleNotificationService-x.pem",
            "https://sns.us-east-1.amazonaws.com.evil.example/x.pem",
            "https://sns.us-east-1.amazonaws.com/x.txt",
            "https://user@sns.us-east-1.amazonaws.com/x.pem"
          }) {
        String body =
            SignedSns.notification(
                    TOPIC, "{}", Instant.now(), "2", UUID.randomUUID().toString(), certUrl)
                .toString();
        post(body)
            .then()
            .statusCode(400)
            .body("detail", containsString("signing certificate URL not trusted"));
      }
      assertThat(hits.get()).as("requests the evil host received").isZero();
    } finally {
      evil.stop(0);
    }
  }

  @Test
  void aRecordThatCannotBeAttributedGoesToTheDeadLetterTopicWithTheReason() {
    TopicWatcher<io.isolane.contracts.events.TenantEvent> dlq =
        ContractKafka.watchRaw("dlq.feedback-service");
    try {
      String untagged =
          "{\"eventType\":\"Delivery\",\"mail\":{\"messageId\":\"x\"},\"delivery\":{\"recipients\":[\"a@example.org\"]}}";
      // older than the grace for a sent event still on its way: nothing will ever attribute it
      Instant old = Instant.now().minus(java.time.Duration.ofMinutes(10));
      post(SignedSns.notification(TOPIC, untagged, old, "2").toString())
          .then()
          .statusCode(200)
          .body(equalTo("dead-lettered"));

      assertThat(dlq.awaitDeadLetterReason(TOPIC))
          .contains("no isolane tags on SES Delivery")
          .contains("'x' was never reported sent");
    } finally {
      dlq.close();
    }
  }

  private static io.restassured.response.Response post(String body) {
    return given().contentType("text/plain; charset=UTF-8").body(body).post("/sns/ses");
  }

  private static String rows(String tenant) {
    return TestDatabase.queryString(
        "feedback", "SELECT count(*) FROM suppression WHERE tenant_id = ?", tenant);
  }
}
