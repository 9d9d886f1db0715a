package io.isolane.feedback;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.InboundReply;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.sessimulator.sns.SnsSubscription;
import io.isolane.sessimulator.sns.SnsTopic;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.ServiceMetrics;
import io.isolane.testkit.SesSimulatorResource;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * SES's spam and virus verdicts of inbound mail: a virus FAIL is dead-lettered with the reason and
 * counted, never forwarded; spam (FAIL, GRAY) is forwarded with its verdicts, as is a PASS.
 */
@QuarkusTest
@WithTestResource(FeedbackTestResources.class)
class InboundVerdictsTest {
  private static final String TOPIC = SignedSns.topicArn(FeedbackTestResources.TOPIC);
  private static final String VIRUS_METRIC = "isolane_inbound_virus_rejected_total";

  @TestHTTPResource("/sns/ses")
  URL endpoint;

  @Test
  void mailWithAVirusIsDeadLetteredWithTheReasonAndCountedNeverForwarded() {
    ApiTenants t = ApiTenants.provision();
    String ana = "ana@mail." + t.id() + ".example";
    String infected = "virus-" + UUID.randomUUID();
    String clean = "clean-" + UUID.randomUUID();
    double before = ServiceMetrics.sum(VIRUS_METRIC);

    try (TopicWatcher<InboundReply> replies = ContractKafka.watch(EventTypes.INBOUND_REPLY);
        var dlq = ContractKafka.watchRaw("dlq.feedback-service")) {
      String body = signed(receipt(infected, ana, "PASS", "FAIL"));
      post(body).then().statusCode(200).body(equalTo("dead-lettered"));

      ConsumerRecord<String, byte[]> dead =
          dlq.awaitRecord(r -> TOPIC.equals(r.key()) && reason(r).contains(infected));
      assertThat(reason(dead))
          .startsWith("virus verdict FAIL: not forwarded")
          .contains("bob@example.org")
          .contains(ana);
      // the dead letter is the SNS message as it came: the service's dead-letter format
      assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo(body);
      assertThat(new String(dead.headers().lastHeader("dead-letter-topic").value()))
          .isEqualTo("sns");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> ServiceMetrics.sum(VIRUS_METRIC) == before + 1);

      // a clean mail for the same tenant after it: once it is on inbound.replies, the infected
      // one (same tenant, same partition, earlier) would have been there before it
      post(signed(receipt(clean, ana, "PASS", "PASS"))).then().statusCode(200);
      replies.await(r -> clean.equals(r.data().sesMessageId()));
      assertThat(replies.seen())
          .extracting(r -> EventCodec.decode(EventTypes.INBOUND_REPLY, r).data().sesMessageId())
          .contains(clean)
          .doesNotContain(infected);
    }
  }

  @Test
  void mailMarkedSpamIsForwardedWithItsVerdicts() {
    ApiTenants t = ApiTenants.provision();
    String ana = "ana@mail." + t.id() + ".example";
    String spam = "spam-" + UUID.randomUUID();
    String gray = "gray-" + UUID.randomUUID();
    try (TopicWatcher<InboundReply> replies = ContractKafka.watch(EventTypes.INBOUND_REPLY)) {
      post(signed(receipt(spam, ana, "FAIL", "PASS")))
          .then()
          .statusCode(200)
          .body(equalTo("published 1"));
      // GRAY (and PROCESSING_FAILED) mean SES could not tell: forwarded, the verdict says so
      post(signed(receipt(gray, ana, "GRAY", "GRAY")))
          .then()
          .statusCode(200)
          .body(equalTo("published 1"));

      InboundReply spamReply = replies.await(r -> spam.equals(r.data().sesMessageId())).data();
      assertThat(spamReply.tenantId()).isEqualTo(t.id());
      assertThat(spamReply.recipient()).isEqualTo(ana);
      assertThat(spamReply.spamVerdict()).isEqualTo("FAIL");
      assertThat(spamReply.virusVerdict()).isEqualTo("PASS");
      assertThat(mime(spamReply)).contains("please unsubscribe me");

      InboundReply grayReply = replies.await(r -> gray.equals(r.data().sesMessageId())).data();
      assertThat(grayReply.spamVerdict()).isEqualTo("GRAY");
      assertThat(grayReply.virusVerdict()).isEqualTo("GRAY");
    }
  }

  @Test
  void mailThatPassesThroughTheSimulatorsReceiptRuleIsForwardedWithPass() {
    ApiTenants t = ApiTenants.provision();
    String domain = "mail." + t.id() + ".example";
    SnsTopic topic = SesSimulatorResource.simulator().sns().topic(TOPIC).orElseThrow();
    SnsSubscription subscription =
        SesSimulatorResource.simulator().sns().subscribe(topic, "http", endpoint.toString(), false);
    try (TopicWatcher<InboundReply> replies = ContractKafka.watch(EventTypes.INBOUND_REPLY)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> subscription.confirmed);
      given()
          .baseUri(SesSimulatorResource.simulator().endpoint().toString())
          .contentType("application/json")
          .body(Map.of("TopicArn", TOPIC, "Encoding", "UTF-8"))
          .put("/_simulator/inbound/rules/" + domain)
          .then()
          .statusCode(200);
      given()
          .baseUri(SesSimulatorResource.simulator().endpoint().toString())
          .contentType("message/rfc822")
          .body(mimeText("ana@" + domain).getBytes(StandardCharsets.UTF_8))
          .post("/_simulator/inbound")
          .then()
          .statusCode(200);

      InboundReply reply = replies.await(r -> r.subject().equals(t.id())).data();
      assertThat(reply.spamVerdict()).isEqualTo("PASS");
      assertThat(reply.virusVerdict()).isEqualTo("PASS");
    } finally {
      SesSimulatorResource.simulator().sns().unsubscribe(subscription.arn);
    }
  }

  /** An SES receipt notification (SNS action, UTF-8 content) with the given verdicts. */
  private static String receipt(String sesMessageId, String to, String spam, String virus) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode n = json.objectNode().put("notificationType", "Received");
    ObjectNode mail =
        n.putObject("mail")
            .put("timestamp", "2026-11-23T10:00:00.000Z")
            .put("source", "bob@example.org")
            .put("messageId", sesMessageId);
    mail.putArray("destination").add(to);
    ObjectNode receipt = n.putObject("receipt").put("timestamp", "2026-11-23T10:00:00.000Z");
    receipt.putArray("recipients").add(to);
    receipt.putObject("spamVerdict").put("status", spam);
    receipt.putObject("virusVerdict").put("status", virus);
    receipt.putObject("spfVerdict").put("status", "PASS");
    receipt.putObject("dkimVerdict").put("status", "PASS");
    receipt.putObject("dmarcVerdict").put("status", "PASS");
    receipt.putObject("action").put("type", "SNS").put("topicArn", TOPIC).put("encoding", "UTF8");
    n.put("content", mimeText(to));
    return n.toString();
  }

  private static String mimeText(String to) {
    return "From: Bob <bob@example.org>\r\nTo: "
        + to
        + "\r\nSubject: Re: hello\r\nMessage-ID: <"
        + UUID.randomUUID()
        + "@example.org>\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\n\r\nplease unsubscribe me\r\n";
  }

  private static String signed(String message) {
    return SignedSns.notification(TOPIC, message, Instant.now(), "2").toString();
  }

  private io.restassured.response.Response post(String body) {
    return given().contentType("text/plain").body(body).post(endpoint.toString());
  }

  private static String reason(ConsumerRecord<String, byte[]> r) {
    var header = r.headers().lastHeader("dead-letter-reason");
    return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static String mime(InboundReply reply) {
    return new String(Base64.getDecoder().decode(reply.rawMime()), StandardCharsets.UTF_8);
  }
}
