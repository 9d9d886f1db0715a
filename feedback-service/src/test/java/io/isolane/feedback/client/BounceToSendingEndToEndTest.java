package io.isolane.feedback.client;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.Suppression;
import io.isolane.feedback.ApiTenants;
import io.isolane.feedback.FeedbackTestResources;
import io.isolane.feedback.SignedSns;
import io.isolane.sessimulator.sns.SnsSubscription;
import io.isolane.sessimulator.sns.SnsTopic;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.IsolaneTestResource;
import io.isolane.testkit.PackagedApp;
import io.isolane.testkit.SesSimulatorResource;
import io.isolane.testkit.TestDatabase;
import io.isolane.testkit.TopicWatcher;
import io.isolane.testkit.client.SesTenantSetup;
import io.isolane.testkit.client.SimulatorClients;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.model.EventType;

/**
 * End to end across both services: sending-service (its packaged jar, a child process on the same
 * broker with its own {@code sending} database) sends through the SES simulator; the simulator's
 * bounce arrives over SNS at this service, which suppresses the address for that tenant; the
 * suppression reaches sending-service, so the tenant's next message to the address is suppressed
 * while another tenant's message to the same address is still sent.
 */
@QuarkusTest
@WithTestResource(FeedbackTestResources.class)
class BounceToSendingEndToEndTest {
  private static final Path SENDING_JAR =
      Path.of("../sending-service/target/quarkus-app/quarkus-run.jar");
  private static final String BOUNCE = "bounce@simulator.amazonses.com";

  @TestHTTPResource("/sns/ses")
  URL endpoint;

  @Test
  void aHardBounceSuppressesTheAddressForThatTenantOnlyAndSendingServiceHonoursIt()
      throws Exception {
    SnsTopic topic =
        SesSimulatorResource.simulator()
            .sns()
            .topic(SignedSns.topicArn(FeedbackTestResources.TOPIC))
            .orElseThrow();
    SnsSubscription subscription =
        SesSimulatorResource.simulator().sns().subscribe(topic, "http", endpoint.toString(), false);
    await().atMost(Duration.ofSeconds(10)).until(() -> subscription.confirmed);
    try (PackagedApp sending =
            PackagedApp.start(SENDING_JAR, sendingConfig(), Path.of("target/e2e-sending.log"));
        TopicWatcher<Suppression> suppressions = ContractKafka.watch(EventTypes.SUPPRESSION)) {
      ApiTenants a = provision(topic);
      ApiTenants b = provision(topic);

      String first = send(sending, a);
      awaitStatus(sending, a, first, "sent");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> a.api().get("/v1/suppressions/" + BOUNCE).statusCode() == 200);
      b.api().get("/v1/suppressions/" + BOUNCE).then().statusCode(404);
      Suppression published = suppressions.await(e -> e.data().tenantId().equals(a.id())).data();
      assertThat(published.address()).isEqualTo(BOUNCE);
      assertThat(published.suppressed()).isTrue();
      TestDatabase.awaitValue(
          "1",
          Duration.ofSeconds(10),
          "sending",
          "SELECT count(*) FROM suppression WHERE tenant_id = ? AND address = ? AND suppressed",
          a.id(),
          BOUNCE);

      String again = send(sending, a);
      String other = send(sending, b);
      awaitStatus(sending, a, again, "suppressed");
      awaitStatus(sending, b, other, "sent");
      assertThat(sends(a)).as("A's second message never reached SES").isEqualTo(1);
      assertThat(sends(b)).as("B's message to the same address did").isEqualTo(1);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> b.api().get("/v1/suppressions/" + BOUNCE).then().statusCode(200));
    } finally {
      SesSimulatorResource.simulator().sns().unsubscribe(subscription.arn);
    }
  }

  /**
   * A tenant as tenant-service leaves it: announced on tenant.state (with its keys) and set up in
   * SES, its configuration sets publishing their events to the SNS topic this service reads.
   */
  private static ApiTenants provision(SnsTopic topic) {
    ApiTenants t = ApiTenants.provision();
    List<String> sets = List.of("isl-" + t.id() + "-transactional", "isl-" + t.id() + "-marketing");
    SesTenantSetup.provision("isl-" + t.id(), "mail." + t.id() + ".example", sets);
    for (String set : sets) {
      SimulatorClients.sesV2()
          .createConfigurationSetEventDestination(
              r ->
                  r.configurationSetName(set)
                      .eventDestinationName("feedback")
                      .eventDestination(
                          d ->
                              d.enabled(true)
                                  .matchingEventTypes(
                                      EventType.SEND,
                                      EventType.DELIVERY,
                                      EventType.BOUNCE,
                                      EventType.COMPLAINT)
                                  .snsDestination(s -> s.topicArn(topic.arn))))
          .join();
    }
    return t;
  }

  /** Posts one transactional message to the bounce address; retried until the key is known. */
  private static String send(PackagedApp sending, ApiTenants t) {
    Map<String, Object> message =
        Map.of(
            "mailbox",
            "ana@mail." + t.id() + ".example",
            "stream",
            "transactional",
            "to",
            List.of(BOUNCE),
            "subject",
            "Your receipt",
            "content",
            Map.of("text", "Thanks"));
    String[] id = new String[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              var response =
                  given()
                      .baseUri(sending.uri().toString())
                      .port(sending.uri().getPort())
                      .header("Authorization", "Bearer " + t.key())
                      .contentType(ContentType.JSON)
                      .body(message)
                      .post("/v1/messages");
              id[0] =
                  response.statusCode() == 202 ? response.jsonPath().getString("messageId") : null;
              return id[0] != null;
            });
    return id[0];
  }

  private static void awaitStatus(PackagedApp sending, ApiTenants t, String id, String status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                status.equals(
                    given()
                        .baseUri(sending.uri().toString())
                        .port(sending.uri().getPort())
                        .header("Authorization", "Bearer " + t.key())
                        .get("/v1/messages/" + id)
                        .jsonPath()
                        .getString("status")));
  }

  private static long sends(ApiTenants t) {
    return SesSimulatorResource.simulator().state().sendLog.stream()
        .filter(r -> ("isl-" + t.id()).equals(r.tenantName()))
        .count();
  }

  /** sending-service's configuration: this JVM's broker, its own database, the simulator. */
  private static Map<String, String> sendingConfig() {
    IsolaneTestResource infra = new IsolaneTestResource();
    infra.init(Map.of("database", "sending"));
    Map<String, String> config = new HashMap<>(infra.start());
    config.putAll(new SesSimulatorResource().start());
    byte[] secret = "feedback-end-to-end-tests-only-secret".getBytes(StandardCharsets.UTF_8);
    config.put("isolane.unsubscribe.base-url", "https://unsubscribe.test.example/u");
    config.put("isolane.unsubscribe.signing-key-id", "e2e");
    config.put("isolane.unsubscribe.secrets", "e2e:" + Base64.getEncoder().encodeToString(secret));
    return config;
  }
}
