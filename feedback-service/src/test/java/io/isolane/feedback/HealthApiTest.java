package io.isolane.feedback;

import static io.isolane.feedback.HealthFlowTest.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.TenantCommand;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.TestApiKeys;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A tenant's own thresholds, its health report, and resuming a pause through the API. */
@QuarkusTest
@WithTestResource(FeedbackTestResources.class)
class HealthApiTest {
  private static final EmailEvent.Bounce HARD =
      new EmailEvent.Bounce("permanent", "General", "550 5.1.1 user unknown", "userunknown");
  private static final Map<String, Object> STRICT =
      Map.of(
          "hardBounceWarn", 0.05,
          "hardBouncePause", 0.1,
          "complaintWarn", 0.001,
          "complaintPause", 0.002,
          "minSends", 10,
          "complaintMinSends", 500);

  @Test
  void aTenantsOwnThresholdsPauseAndItsKeyResumesThePause() {
    ApiTenants t = ApiTenants.provision();
    ApiTenants other = ApiTenants.provision();
    String ana = "ana@mail." + t.id() + ".example";
    t.api()
        .get("/v1/reports/health")
        .then()
        .statusCode(200)
        .body("thresholdsSource", equalTo("default"));
    t.api()
        .contentType("application/json")
        .body(STRICT)
        .put("/v1/health/thresholds")
        .then()
        .statusCode(200);
    t.api()
        .get("/v1/reports/health")
        .then()
        .body("thresholdsSource", equalTo("tenant"))
        .body("thresholds.minSends", equalTo(10));

    try (TopicWatcher<TenantCommand> commands = ContractKafka.watch(EventTypes.TENANT_COMMAND)) {
      List<ContractEvent<EmailEvent>> events = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        events.add(event(t.id(), ana, EmailEventType.SENT, null, null));
      }
      events.add(event(t.id(), ana, EmailEventType.BOUNCED, "gone@example.org", HARD));
      ContractKafka.publishAll(events);
      ContractEvent<TenantCommand> pause = commands.await(c -> c.subject().equals(t.id()));
      assertThat(pause.data().reason()).contains("10% of the last 10 sends");

      t.api()
          .get("/v1/reports/health")
          .then()
          .body("pauses[0].target", equalTo(ana))
          .body("pauses[0].status", equalTo("breach"))
          .body("pauses[0].figures.hardBounces", equalTo(1));
      // another tenant's key cannot resume it: for that tenant nothing is paused
      other
          .api()
          .contentType("application/json")
          .body(Map.of("scope", "mailbox", "target", ana))
          .post("/v1/health/resume")
          .then()
          .statusCode(409);
      t.readOnly()
          .contentType("application/json")
          .body(Map.of("scope", "mailbox", "target", ana))
          .post("/v1/health/resume")
          .then()
          .statusCode(403);

      String commandId =
          t.api()
              .contentType("application/json")
              .body(Map.of("scope", "mailbox", "target", ana, "note", "list cleaned"))
              .post("/v1/health/resume")
              .then()
              .statusCode(202)
              .extract()
              .path("commandId");
      ContractEvent<TenantCommand> resume =
          commands.await(c -> c.data().commandId().equals(commandId));
      assertThat(resume.data().action()).isEqualTo(TenantCommand.Action.RESUME);
      assertThat(resume.data().issuer()).isEqualTo("tenant-api/" + TestApiKeys.keyId(t.key()));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> t.api().get("/v1/reports/health").jsonPath().getList("pauses").isEmpty());
      t.api()
          .get("/v1/reports/health")
          .then()
          .body("senders.find { it.target == '" + ana + "' }.status", equalTo("healthy"))
          .body("senders.find { it.target == '" + ana + "' }.figures.hardBounces", equalTo(1));
    }
    t.api()
        .contentType("application/json")
        .body(Map.of("scope", "mailbox", "target", ana))
        .post("/v1/health/resume")
        .then()
        .statusCode(409);
    t.api().delete("/v1/health/thresholds").then().statusCode(204);
    t.api().get("/v1/reports/health").then().body("thresholdsSource", equalTo("default"));
  }

  @Test
  void unusableThresholdsAndResumesAreRefusedWithTheField() {
    ApiTenants t = ApiTenants.provision();
    t.api()
        .contentType("application/json")
        .body(
            Map.of(
                "hardBounceWarn",
                0.5,
                "hardBouncePause",
                0.1,
                "complaintWarn",
                0.001,
                "complaintPause",
                0.002,
                "minSends",
                10,
                "complaintMinSends",
                10))
        .put("/v1/health/thresholds")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("thresholds"));
    t.api()
        .contentType("application/json")
        .body(Map.of("scope", "planet"))
        .post("/v1/health/resume")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("scope"));
    t.api()
        .contentType("application/json")
        .body(Map.of("scope", "mailbox"))
        .post("/v1/health/resume")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("target"));
  }
}
