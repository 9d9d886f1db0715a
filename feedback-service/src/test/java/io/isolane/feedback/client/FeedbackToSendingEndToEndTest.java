package io.isolane.feedback.client;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.Suppression;
import io.isolane.contracts.events.TenantCommand;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.feedback.ApiTenants;
import io.isolane.feedback.FeedbackTestResources;
import io.isolane.feedback.SignedSns;
import io.isolane.sessimulator.sns.SnsSubscription;
import io.isolane.sessimulator.sns.SnsTopic;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.IsolaneTestResource;
import io.isolane.testkit.PackagedApp;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.SesSimulatorResource;
import io.isolane.testkit.TestApiKeys;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.model.EventType;

/**
 * End to end across both services: sending-service (its packaged jar, a child process on the same
 * broker with its own {@code sending} database) sends through the SES simulator, whose bounces and
 * complaints arrive over SNS at this service. A hard bounce suppresses the address for that tenant
 * only, and sending-service honours it; a complaint spike of one mailbox pauses that mailbox only,
 * and sending-service holds its mail.
 */
@QuarkusTest
@WithTestResource(FeedbackTestResources.class)
class FeedbackToSendingEndToEndTest {
  private static final Path SENDING_JAR =
      Path.of("../sending-service/target/quarkus-app/quarkus-run.jar");
  private static final String BOUNCE = "bounce@simulator.amazonses.com";
  private static PackagedApp sending;

  @TestHTTPResource("/sns/ses")
  URL endpoint;

  private SnsTopic topic;
  private SnsSubscription subscription;

  /** This service's endpoint subscribed to the topic the tenants' configuration sets publish to. */
  @BeforeEach
  void subscribe() {
    topic =
        SesSimulatorResource.simulator()
            .sns()
            .topic(SignedSns.topicArn(FeedbackTestResources.TOPIC))
            .orElseThrow();
    subscription =
        SesSimulatorResource.simulator().sns().subscribe(topic, "http", endpoint.toString(), false);
    await().atMost(Duration.ofSeconds(10)).until(() -> subscription.confirmed);
  }

  @AfterEach
  void unsubscribe() {
    SesSimulatorResource.simulator().sns().unsubscribe(subscription.arn);
  }

  @Test
  void aHardBounceSuppressesTheAddressForThatTenantOnlyAndSendingServiceHonoursIt()
      throws Exception {
    PackagedApp sending = sending();
    try (TopicWatcher<Suppression> suppressions = ContractKafka.watch(EventTypes.SUPPRESSION)) {
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
    }
  }

  /**
   * One mailbox's complaint rate over the tenant's own thresholds pauses that mailbox and only it:
   * sending-service holds its next message while the other mailbox on the same domain still sends.
   */
  @Test
  void aComplaintSpikeOfOneMailboxPausesItInSendingServiceAndOnlyIt() throws Exception {
    PackagedApp sending = sending();
    try (TopicWatcher<TenantCommand> commands = ContractKafka.watch(EventTypes.TENANT_COMMAND)) {
      ApiTenants t = new ApiTenants(SampleEvents.newTenantId(), TestApiKeys.newKey(), "unused");
      String ana = "ana@mail." + t.id() + ".example";
      String bob = "bob@mail." + t.id() + ".example";
      ContractKafka.publish(
          SampleEvents.tenantState(
              t.id(),
              TenantStatus.ACTIVE,
              1,
              List.of(TestApiKeys.digest(t.key(), List.of("read", "send"))),
              ana,
              bob));
      setUpInSes(t, topic);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> t.api().get("/v1/suppressions").statusCode() == 200);
      t.api()
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "hardBounceWarn",
                  0.5,
                  "hardBouncePause",
                  1,
                  "complaintWarn",
                  0.05,
                  "complaintPause",
                  0.1,
                  "minSends",
                  5,
                  "complaintMinSends",
                  5))
          .put("/v1/health/thresholds")
          .then()
          .statusCode(200);

      for (int i = 0; i < 9; i++) {
        send(sending, t, ana, "success+" + i + "@simulator.amazonses.com");
        send(sending, t, bob, "success+" + i + "@simulator.amazonses.com");
      }
      send(sending, t, ana, "complaint@simulator.amazonses.com");
      send(sending, t, bob, "success+9@simulator.amazonses.com");

      TenantCommand pause =
          commands.await(c -> c.subject().equals(t.id()), Duration.ofSeconds(60)).data();
      assertThat(pause.action()).isEqualTo(TenantCommand.Action.PAUSE);
      assertThat(pause.scope()).isEqualTo(TenantCommand.Scope.MAILBOX);
      assertThat(pause.target()).isEqualTo(ana);
      await().atMost(Duration.ofSeconds(30)).until(() -> sends(t) == 20);
      TestDatabase.awaitValue(
          "PAUSE",
          Duration.ofSeconds(10),
          "sending",
          "SELECT action FROM command_hold WHERE tenant_id = ? AND scope = 'MAILBOX' AND target = ?",
          t.id(),
          ana);
      Thread.sleep(1_000); // a hold takes effect within a second (lanes re-read every 500 ms)

      String held = send(sending, t, ana, "success+10@simulator.amazonses.com");
      String goes = send(sending, t, bob, "success+10@simulator.amazonses.com");
      awaitStatus(sending, t, goes, "sent");
      Thread.sleep(2_000); // ticks every 20 ms: a held message would have gone by now
      assertThat(status(sending, t, held)).as("ana is paused").isEqualTo("accepted");
      assertThat(sends(t)).isEqualTo(21);
      assertThat(commands.seen().stream().filter(r -> r.key().equals(t.id())).count())
          .as("nothing else paused")
          .isEqualTo(1);
    }
  }

  /**
   * A tenant as tenant-service leaves it: announced on tenant.state (with its keys) and set up in
   * SES, its configuration sets publishing their events to the SNS topic this service reads.
   */
  private static ApiTenants provision(SnsTopic topic) {
    ApiTenants t = ApiTenants.provision();
    setUpInSes(t, topic);
    return t;
  }

  private static void setUpInSes(ApiTenants t, SnsTopic topic) {
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
  }

  /** Posts one transactional message from ana to the bounce address. */
  private static String send(PackagedApp sending, ApiTenants t) {
    return send(sending, t, "ana@mail." + t.id() + ".example", BOUNCE);
  }

  /** Posts one transactional message; retried until the tenant's key is known there. */
  private static String send(PackagedApp sending, ApiTenants t, String mailbox, String to) {
    Map<String, Object> message =
        Map.of(
            "mailbox",
            mailbox,
            "stream",
            "transactional",
            "to",
            List.of(to),
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
    await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(status(sending, t, id)));
  }

  private static String status(PackagedApp sending, ApiTenants t, String id) {
    return given()
        .baseUri(sending.uri().toString())
        .port(sending.uri().getPort())
        .header("Authorization", "Bearer " + t.key())
        .get("/v1/messages/" + id)
        .jsonPath()
        .getString("status");
  }

  private static long sends(ApiTenants t) {
    return SesSimulatorResource.simulator().state().sendLog.stream()
        .filter(r -> ("isl-" + t.id()).equals(r.tenantName()))
        .count();
  }

  /**
   * One sending-service for the class: a second start would wait for the first one's consumers to
   * leave their groups before it could read tenant.state.
   */
  private static synchronized PackagedApp sending() throws Exception {
    if (sending == null) {
      sending = PackagedApp.start(SENDING_JAR, sendingConfig(), Path.of("target/e2e-sending.log"));
    }
    return sending;
  }

  @AfterAll
  static void stopSending() throws InterruptedException {
    if (sending != null) {
      sending.close();
      sending = null;
    }
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
