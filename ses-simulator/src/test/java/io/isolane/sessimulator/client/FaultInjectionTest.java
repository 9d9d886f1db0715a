package io.isolane.sessimulator.client;

import static io.isolane.sessimulator.client.Simulators.JSON;
import static io.isolane.sessimulator.client.Simulators.adminDelete;
import static io.isolane.sessimulator.client.Simulators.adminPut;
import static io.isolane.sessimulator.client.Simulators.call;
import static io.isolane.sessimulator.client.Simulators.simpleEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.isolane.sessimulator.SesSimulator;
import io.isolane.sessimulator.SimulatorConfig;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sns.model.SnsException;

/** Injected faults, call counts and the control-plane rate, seen through the real SDK clients. */
class FaultInjectionTest {
  static SesSimulator simulator;
  static SesV2AsyncClient ses;

  @BeforeAll
  static void start() {
    simulator = Simulators.start();
    ses = Simulators.client(simulator);
  }

  @AfterAll
  static void stop() {
    ses.close();
    simulator.close();
  }

  @BeforeEach
  void reset() throws Exception {
    adminDelete(simulator, "/_simulator/faults");
    adminDelete(simulator, "/_simulator/calls");
  }

  @Test
  void injectedFaultFailsTheNextCallBeforeAnyStateChange() throws Exception {
    HttpResponse<String> injected =
        adminPut(
            simulator,
            "/_simulator/faults/CreateTenant",
            "{\"count\": 1, \"status\": 500, \"code\": \"InternalFailure\", \"message\": \"injected\"}");
    assertThat(injected.statusCode()).isEqualTo(200);

    assertThatThrownBy(() -> call(() -> ses.createTenant(r -> r.tenantName("faulted"))))
        .isInstanceOfSatisfying(
            SesV2Exception.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(500);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
              assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("injected");
            });
    assertThat(simulator.state().tenants).doesNotContainKey("faulted");
    assertThatThrownBy(() -> call(() -> ses.getTenant(r -> r.tenantName("faulted"))))
        .isInstanceOf(NotFoundException.class);

    assertThat(call(() -> ses.createTenant(r -> r.tenantName("faulted"))).tenantName())
        .isEqualTo("faulted");
    assertThat(faults()).isEmpty();
  }

  @Test
  void countTwoFailsTwiceWithTheModelledExceptionThenSucceeds() throws Exception {
    adminPut(
        simulator,
        "/_simulator/faults/CreateConfigurationSet",
        "{\"count\": 2, \"status\": 429, \"code\": \"TooManyRequestsException\"}");
    assertThat(faults().path("CreateConfigurationSet").path("count").asInt()).isEqualTo(2);

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(
              () -> call(() -> ses.createConfigurationSet(r -> r.configurationSetName("twice"))))
          .isInstanceOfSatisfying(
              TooManyRequestsException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(429);
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("injected fault");
              });
    }
    call(() -> ses.createConfigurationSet(r -> r.configurationSetName("twice")));
    assertThat(simulator.state().configurationSets).containsKey("twice");
  }

  @Test
  void faultsOfTwoOperationsAreIndependent() throws Exception {
    adminPut(simulator, "/_simulator/faults/CreateEmailIdentity", "{}");
    adminPut(
        simulator,
        "/_simulator/faults/CreateTenantResourceAssociation",
        "{\"status\": 503, \"code\": \"ServiceUnavailable\"}");
    assertThat(faults().fieldNames())
        .toIterable()
        .containsExactly("CreateEmailIdentity", "CreateTenantResourceAssociation");

    call(() -> ses.createTenant(r -> r.tenantName("independent")));
    assertThatThrownBy(
            () -> call(() -> ses.createEmailIdentity(r -> r.emailIdentity("indep.example"))))
        .isInstanceOfSatisfying(
            SesV2Exception.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalFailure"));
    call(() -> ses.createEmailIdentity(r -> r.emailIdentity("indep.example")));
    String identityArn = "arn:aws:ses:us-east-1:123456789012:identity/indep.example";
    assertThatThrownBy(
            () ->
                call(
                    () ->
                        ses.createTenantResourceAssociation(
                            r -> r.tenantName("independent").resourceArn(identityArn))))
        .isInstanceOfSatisfying(
            SesV2Exception.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(503);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
            });
    assertThat(simulator.state().tenants.get("independent").resourceArns()).isEmpty();
    call(
        () ->
            ses.createTenantResourceAssociation(
                r -> r.tenantName("independent").resourceArn(identityArn)));
    assertThat(simulator.state().tenants.get("independent").resourceArns())
        .containsExactly(identityArn);
  }

  @Test
  void faultsCanBeClearedOneOrAll() throws Exception {
    adminPut(simulator, "/_simulator/faults/CreateTenant", "{\"count\": 5}");
    adminPut(simulator, "/_simulator/faults/DeleteTenant", "{\"count\": 5}");

    HttpResponse<String> one = adminDelete(simulator, "/_simulator/faults/CreateTenant");
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(faults().fieldNames()).toIterable().containsExactly("DeleteTenant");
    call(() -> ses.createTenant(r -> r.tenantName("cleared")));
    assertThatThrownBy(() -> call(() -> ses.deleteTenant(r -> r.tenantName("cleared"))))
        .isInstanceOf(SesV2Exception.class);

    assertThat(adminDelete(simulator, "/_simulator/faults").statusCode()).isEqualTo(200);
    assertThat(faults()).isEmpty();
    call(() -> ses.deleteTenant(r -> r.tenantName("cleared")));
  }

  @Test
  void unknownOperationsAndBadFaultsAreRejected() throws Exception {
    HttpResponse<String> unknown =
        adminPut(simulator, "/_simulator/faults/CreateTennant", "{\"count\": 1}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.headers().firstValue("x-amzn-ErrorType")).contains("BadRequestException");
    assertThat(JSON.readTree(unknown.body()).path("message").asText())
        .startsWith("Unknown operation CreateTennant")
        .contains("CreateTenant");
    assertThat(adminDelete(simulator, "/_simulator/faults/Nope").statusCode()).isEqualTo(400);

    assertThat(adminPut(simulator, "/_simulator/faults/GetTenant", "{\"count\": 0}").statusCode())
        .isEqualTo(400);
    assertThat(
            adminPut(simulator, "/_simulator/faults/GetTenant", "{\"status\": 200}").statusCode())
        .isEqualTo(400);
    assertThat(faults()).isEmpty();
  }

  @Test
  void callsAreCountedPerOperationFailuresIncluded() throws Exception {
    adminPut(simulator, "/_simulator/faults/CreateTenant", "{}");

    assertThatThrownBy(() -> call(() -> ses.createTenant(r -> r.tenantName("counted"))))
        .isInstanceOf(SesV2Exception.class);
    call(() -> ses.createTenant(r -> r.tenantName("counted")));
    assertThatThrownBy(() -> call(() -> ses.createTenant(r -> r.tenantName("counted"))))
        .isInstanceOf(AlreadyExistsException.class);
    call(() -> ses.getTenant(r -> r.tenantName("counted")));

    JsonNode calls =
        JSON.readTree(Simulators.get(simulator.endpoint() + "/_simulator/calls").body());
    assertThat(calls.path("CreateTenant").asLong()).isEqualTo(3);
    assertThat(calls.path("GetTenant").asLong()).isEqualTo(1);
    assertThat(simulator.operations().calls()).containsEntry("CreateTenant", 3L);

    adminDelete(simulator, "/_simulator/calls");
    assertThat(JSON.readTree(Simulators.get(simulator.endpoint() + "/_simulator/calls").body()))
        .isEmpty();
  }

  @Test
  void snsActionsTakeFaultsInSnsShape() throws Exception {
    try (SnsAsyncClient sns = Simulators.sns(simulator)) {
      adminPut(
          simulator,
          "/_simulator/faults/CreateTopic",
          "{\"status\": 500, \"code\": \"InternalError\", \"message\": \"boom\"}");

      assertThatThrownBy(() -> call(() -> sns.createTopic(r -> r.name("faulted-topic"))))
          .isInstanceOfSatisfying(
              SnsException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(500);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalError");
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("boom");
              });
      assertThat(simulator.sns().topics()).noneMatch(t -> t.arn.endsWith(":faulted-topic"));
      call(() -> sns.createTopic(r -> r.name("faulted-topic")));
      assertThat(simulator.operations().calls()).containsEntry("CreateTopic", 2L);
    }
  }

  @Test
  void controlPlaneRateThrottlesEverythingButSending() throws Exception {
    try (SesSimulator limited =
            SesSimulator.start(SimulatorConfig.defaults().withControlPlaneRate(1));
        SesV2AsyncClient client = Simulators.client(limited)) {
      call(() -> client.createEmailIdentity(r -> r.emailIdentity("acme.example")));

      assertThatThrownBy(() -> call(() -> client.createTenant(r -> r.tenantName("throttled"))))
          .isInstanceOfSatisfying(
              TooManyRequestsException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(429);
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
              });
      assertThat(limited.state().tenants).isEmpty();

      for (int i = 0; i < 3; i++) {
        call(
            () ->
                client.sendEmail(
                    r -> simpleEmail(r, "ana@acme.example", "success@simulator.amazonses.com")));
      }
      call(() -> client.getAccount(r -> {}));

      Thread.sleep(1100);
      call(() -> client.createTenant(r -> r.tenantName("throttled")));
      assertThat(limited.operations().calls())
          .containsEntry("CreateTenant", 2L)
          .containsEntry("SendEmail", 3L);
    }
  }

  private static JsonNode faults() throws Exception {
    return JSON.readTree(Simulators.get(simulator.endpoint() + "/_simulator/faults").body());
  }
}
