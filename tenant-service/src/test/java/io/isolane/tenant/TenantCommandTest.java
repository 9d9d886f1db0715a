package io.isolane.tenant;

import static io.isolane.tenant.TenantFixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.Topic;
import io.isolane.contracts.events.TenantCommand;
import io.isolane.contracts.events.TenantState;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Pause and resume commands from feedback-service arrive on tenant.commands. */
@QuarkusTest
@WithTestResource(TenantTestResources.class)
class TenantCommandTest {

  @Test
  void aPauseCommandSuspendsTheTenantAtOnceAndAResumeBringsItBack() {
    String id = TenantFixtures.activeTenant("isolated");
    try (TopicWatcher<TenantState> states = ContractKafka.watch(EventTypes.TENANT_STATE)) {
      ContractKafka.publish(command(id, TenantCommand.Action.PAUSE, "complaint rate 0.5% > 0.3%"));
      TenantState suspended =
          states
              .await(e -> e.subject().equals(id) && e.data().status() == TenantStatus.SUSPENDED)
              .data();
      assertThat(suspended.statusReason()).isEqualTo("complaint rate 0.5% > 0.3%");
      assertThat(suspended.statusSetBy()).isEqualTo("feedback-service/health");
      TenantFixtures.awaitStatus(id, "suspended");

      ContractKafka.publish(command(id, TenantCommand.Action.RESUME, "healthy again"));
      states.await(e -> e.subject().equals(id) && e.data().status() == TenantStatus.ACTIVE);
    }
  }

  @Test
  void aCommandForAnUnknownTenantIsDeadLetteredWithTheReason() {
    String unknown = TenantFixtures.uniqueId();
    try (TopicWatcher<?> dlq = ContractKafka.watchRaw(Topic.DLQ_TENANT_SERVICE.topicName())) {
      ContractKafka.publish(command(unknown, TenantCommand.Action.PAUSE, "x"));
      assertThat(dlq.awaitDeadLetterReason(unknown)).contains("no tenant " + unknown);
    }
    given().header("Authorization", ADMIN).get("/v1/tenants/" + unknown).then().statusCode(404);
  }

  private static ContractEvent<TenantCommand> command(
      String tenantId, TenantCommand.Action action, String reason) {
    return ContractEvent.of(
        EventTypes.TENANT_COMMAND,
        "/isolane/feedback-service",
        new TenantCommand(
            UUID.randomUUID().toString(),
            tenantId,
            action,
            TenantCommand.Scope.TENANT,
            null,
            reason,
            "feedback-service/health",
            Instant.now()));
  }
}
