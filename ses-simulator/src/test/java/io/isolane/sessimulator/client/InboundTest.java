package io.isolane.sessimulator.client;

import static io.isolane.sessimulator.client.Simulators.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isolane.sessimulator.SesSimulator;
import io.isolane.sessimulator.SimulatorConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;
import software.amazon.awssdk.services.sns.SnsAsyncClient;

/** Inbound mail reaches the platform as SES receipt notifications on SNS. */
class InboundTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static SesSimulator simulator;
  static SesV2AsyncClient ses;
  static SnsAsyncClient sns;
  static HttpReceiver receiver;
  static String topic;

  @BeforeAll
  static void start() throws Exception {
    simulator =
        SesSimulator.start(SimulatorConfig.defaults().withSnsRetries(3, Duration.ofMillis(50)));
    ses = Simulators.client(simulator);
    sns = Simulators.sns(simulator);
    receiver = new HttpReceiver();
    topic = sns.createTopic(r -> r.name("inbound")).join().topicArn();
    sns.subscribe(r -> r.topicArn(topic).protocol("http").endpoint(receiver.url())).join();
    JsonNode confirmation =
        JSON.readTree(
            receiver
                .await(r -> "SubscriptionConfirmation".equals(r.header("x-amz-sns-message-type")))
                .body());
    Simulators.get(confirmation.path("SubscribeURL").asText());
    Simulators.adminPut(
        simulator,
        "/_simulator/inbound/rules/mail.acme.example",
        "{\"TopicArn\":\"" + topic + "\",\"Encoding\":\"Base64\"}");
  }

  @AfterAll
  static void stop() {
    receiver.close();
    sns.close();
    ses.close();
    simulator.close();
  }

  @Test
  void rawReplyBecomesAReceivedNotificationWithItsContent() throws Exception {
    String raw =
        "From: bob@example.org\r\nTo: ana@mail.acme.example\r\nSubject: Re: offer\r\n"
            + "Message-ID: <r1@example.org>\r\n\r\nPlease remove me.\r\n";

    HttpResponse<String> accepted = post("/_simulator/inbound", raw);

    assertThat(accepted.statusCode()).isEqualTo(200);
    JsonNode received = notification("<r1@example.org>");
    assertThat(received.path("notificationType").asText()).isEqualTo("Received");
    JsonNode receipt = received.path("receipt");
    assertThat(receipt.path("recipients").get(0).asText()).isEqualTo("ana@mail.acme.example");
    assertThat(receipt.path("action").path("type").asText()).isEqualTo("SNS");
    assertThat(receipt.path("action").path("topicArn").asText()).isEqualTo(topic);
    assertThat(receipt.path("action").path("encoding").asText()).isEqualTo("BASE64");
    assertThat(receipt.path("spamVerdict").path("status").asText()).isEqualTo("PASS");
    assertThat(received.path("mail").path("commonHeaders").path("subject").asText())
        .isEqualTo("Re: offer");
    assertThat(
            new String(
                Base64.getDecoder().decode(received.path("content").asText()),
                StandardCharsets.UTF_8))
        .isEqualTo(raw);
  }

  @Test
  void messagesOverTheSnsActionLimitAreRefused() throws Exception {
    String raw =
        "From: bob@example.org\r\nTo: ana@mail.acme.example\r\nSubject: big\r\n\r\n"
            + "x".repeat(151 * 1024);

    HttpResponse<String> refused = post("/_simulator/inbound", raw);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("150 KB");
  }

  @Test
  void ootoRecipientAutoRepliesToTheSenderThroughInbound() throws Exception {
    call(() -> ses.createEmailIdentity(r -> r.emailIdentity("mail.acme.example")));
    String id =
        call(() ->
                ses.sendEmail(
                    r ->
                        r.fromEmailAddress("ana@mail.acme.example")
                            .destination(d -> d.toAddresses("ooto@simulator.amazonses.com"))
                            .content(
                                c ->
                                    c.simple(
                                        m ->
                                            m.subject(s -> s.data("Offer"))
                                                .body(b -> b.text(t -> t.data("Hi")))))))
            .messageId();

    JsonNode reply = notification("<ooto-" + id + "@simulator.amazonses.com>");
    String content =
        new String(
            Base64.getDecoder().decode(reply.path("content").asText()), StandardCharsets.UTF_8);
    assertThat(content)
        .contains("Auto-Submitted: auto-replied", "In-Reply-To: <" + id + "@email.amazonses.com>");
    assertThat(reply.path("receipt").path("recipients").get(0).asText())
        .isEqualTo("ana@mail.acme.example");
  }

  private static JsonNode notification(String messageIdHeader) throws Exception {
    HttpReceiver.Received received =
        receiver.await(
            r -> {
              try {
                JsonNode note = JSON.readTree(r.body());
                return "Notification".equals(note.path("Type").asText())
                    && JSON.readTree(note.path("Message").asText())
                        .path("mail")
                        .path("commonHeaders")
                        .path("messageId")
                        .asText()
                        .equals(messageIdHeader);
              } catch (Exception e) {
                return false;
              }
            });
    JsonNode note = JSON.readTree(received.body());
    assertThat(note.path("Subject").asText()).isEqualTo("Amazon SES Email Receipt Notification");
    return JSON.readTree(note.path("Message").asText());
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(simulator.endpoint() + path))
                .header("Content-Type", "message/rfc822")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
