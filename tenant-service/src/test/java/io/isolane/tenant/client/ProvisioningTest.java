package io.isolane.tenant.client;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.TenantState;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.sessimulator.web.OperationGate;
import io.isolane.tenant.TenantFixtures;
import io.isolane.tenant.TenantTestResources;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;
import software.amazon.awssdk.services.sesv2.model.GetConfigurationSetResponse;

/** What each tier looks like in SES, and how reconciliation survives failures at every step. */
@QuarkusTest
@WithTestResource(TenantTestResources.class)
class ProvisioningTest {
  static final String ADMIN = TenantFixtures.ADMIN;
  static final String ACCOUNT = "123456789012";
  final SesV2AsyncClient ses = SimulatorSes.client();

  @AfterEach
  void clearFaults() {
    SimulatorSes.operations().clearFaults();
  }

  @Test
  void anIsolatedTenantGetsItsOwnSesTenantAndConfigurationSetsPerStream() {
    String id = TenantFixtures.activeTenant("isolated");
    String domain = id + ".example.com";
    TenantFixtures.domainWithTokens(id, domain, "marketing");
    awaitSettled(id);

    assertThat(ses.getTenant(r -> r.tenantName("isl-" + id)).join().tenant().tenantName())
        .isEqualTo("isl-" + id);
    assertThat(resources(id))
        .containsExactlyInAnyOrder(
            arn("configuration-set/isl-" + id + "-transactional"),
            arn("configuration-set/isl-" + id + "-marketing"),
            arn("identity/" + domain));
    for (String set : List.of("isl-" + id + "-transactional", "isl-" + id + "-marketing")) {
      GetConfigurationSetResponse config =
          ses.getConfigurationSet(r -> r.configurationSetName(set)).join();
      assertThat(config.sendingOptions().sendingEnabled()).isTrue();
      assertThat(config.suppressionOptions().suppressedReasonsAsStrings())
          .containsExactlyInAnyOrder("BOUNCE", "COMPLAINT");
      assertThat(config.deliveryOptions().sendingPoolName()).isNull();
      var destinations =
          ses.getConfigurationSetEventDestinations(r -> r.configurationSetName(set))
              .join()
              .eventDestinations();
      assertThat(destinations).hasSize(1);
      assertThat(destinations.get(0).snsDestination().topicArn())
          .isEqualTo("arn:aws:sns:us-east-1:123456789012:isolane-ses-feedback");
      assertThat(destinations.get(0).matchingEventTypesAsStrings())
          .contains("SEND", "DELIVERY", "BOUNCE", "COMPLAINT", "REJECT", "DELIVERY_DELAY");
    }
    var identity = ses.getEmailIdentity(r -> r.emailIdentity(domain)).join();
    assertThat(identity.dkimAttributes().tokens()).hasSize(3);
    assertThat(identity.mailFromAttributes().mailFromDomain()).isEqualTo("bounce." + domain);
    assertThat(identity.configurationSetName()).isEqualTo("isl-" + id + "-marketing");
  }

  @Test
  void aDedicatedTenantAlsoGetsADedicatedIpPoolPerStream() {
    String id = TenantFixtures.activeTenant("dedicated");

    var pools = ses.listDedicatedIpPools(r -> r.pageSize(100)).join().dedicatedIpPools();
    assertThat(pools).contains("isl-" + id + "-transactional", "isl-" + id + "-marketing");
    assertThat(
            ses.getConfigurationSet(r -> r.configurationSetName("isl-" + id + "-marketing"))
                .join()
                .deliveryOptions()
                .sendingPoolName())
        .isEqualTo("isl-" + id + "-marketing");
  }

  @Test
  void aSharedTenantSendsThroughTheSharedConfigurationSetsWithoutAnSesTenant() {
    String id = TenantFixtures.activeTenant("shared");
    String domain = id + ".example.org";
    TenantFixtures.domainWithTokens(id, domain, "transactional");

    assertThat(SimulatorSes.errorOf(() -> ses.getTenant(r -> r.tenantName("isl-" + id)).join()))
        .isEqualTo("NotFoundException");
    assertThat(ses.getEmailIdentity(r -> r.emailIdentity(domain)).join().configurationSetName())
        .isEqualTo("isl-shared-transactional");
    assertThat(
            ses.getConfigurationSet(r -> r.configurationSetName("isl-shared-marketing"))
                .join()
                .configurationSetName())
        .isEqualTo("isl-shared-marketing");
  }

  @Test
  void suspensionPausesTheConfigurationSetsInSesAndResumeEnablesThem() {
    String id = TenantFixtures.activeTenant("isolated");
    String set = "isl-" + id + "-transactional";
    given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "complaint rate 0.4%"))
        .post("/v1/tenants/" + id + "/suspend")
        .then()
        .statusCode(202)
        .extract()
        .path("status")
        .equals("suspended");
    TenantFixtures.awaitStatus(id, "suspended");
    assertThat(sendingEnabled(set)).isFalse();
    assertThat(sendingEnabled("isl-" + id + "-marketing")).isFalse();

    given()
        .header("Authorization", ADMIN)
        .post("/v1/tenants/" + id + "/resume")
        .then()
        .statusCode(202);
    TenantFixtures.awaitStatus(id, "active");
    assertThat(sendingEnabled(set)).isTrue();
  }

  @Test
  void deletionRemovesEverySesResource() {
    String id = TenantFixtures.activeTenant("dedicated");
    String domain = id + ".example.net";
    TenantFixtures.domainWithTokens(id, domain, "transactional");
    awaitSettled(id);

    deleteAndAssertNothingLeft(id, domain);
  }

  /**
   * A failure at any SES step marks the tenant failed with SES's error; reconciling again finishes
   * the job with exactly the resources asked for, and deletion leaves nothing behind.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "CreateTenant",
        "GetTenant",
        "CreateDedicatedIpPool",
        "CreateConfigurationSet",
        "CreateConfigurationSetEventDestination",
        "PutConfigurationSetDeliveryOptions",
        "PutConfigurationSetSendingOptions",
        "CreateTenantResourceAssociation",
        "CreateEmailIdentity",
        "GetEmailIdentity",
        "PutEmailIdentityMailFromAttributes"
      })
  void reconciliationResumesAfterAFailureAtEveryStep(String operation) {
    SimulatorSes.operations()
        .inject(
            operation,
            new OperationGate.Fault(1, 400, "BadRequestException", "injected at " + operation));
    String id = TenantFixtures.uniqueId();
    String domain = id + ".example.com";
    given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("id", id, "name", "Faulty", "tier", "dedicated"))
        .post("/v1/tenants")
        .then()
        .statusCode(202);
    given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("name", domain, "stream", "marketing"))
        .post("/v1/tenants/" + id + "/domains")
        .then()
        .statusCode(202);

    var failed = TenantFixtures.awaitStatus(id, "failed");
    assertThat(failed.getString("statusReason")).contains(operation).contains("injected");
    List<Map<String, Object>> steps =
        given()
            .header("Authorization", ADMIN)
            .get("/v1/tenants/" + id + "/provisioning")
            .jsonPath()
            .getList("$");
    assertThat(steps).anySatisfy(s -> assertThat(s.get("outcome")).isEqualTo("failed"));

    given()
        .header("Authorization", ADMIN)
        .post("/v1/tenants/" + id + "/reconcile")
        .then()
        .statusCode(202);
    TenantFixtures.awaitStatus(id, "active");
    awaitSettled(id);
    assertThat(resources(id))
        .containsExactlyInAnyOrder(
            arn("configuration-set/isl-" + id + "-transactional"),
            arn("configuration-set/isl-" + id + "-marketing"),
            arn("identity/" + domain));
    assertThat(
            ses.getConfigurationSetEventDestinations(
                    r -> r.configurationSetName("isl-" + id + "-marketing"))
                .join()
                .eventDestinations())
        .hasSize(1);
    assertThat(
            ses.getEmailIdentity(r -> r.emailIdentity(domain))
                .join()
                .mailFromAttributes()
                .mailFromDomain())
        .isEqualTo("bounce." + domain);

    deleteAndAssertNothingLeft(id, domain);
  }

  /** A deletion that fails at any SES step is reported, and finishes when reconciled again. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "DeleteTenantResourceAssociation",
        "DeleteEmailIdentity",
        "DeleteConfigurationSet",
        "DeleteDedicatedIpPool",
        "DeleteTenant"
      })
  void deletionResumesAfterAFailureAtEveryStep(String operation) {
    String id = TenantFixtures.activeTenant("dedicated");
    String domain = id + ".example.com";
    TenantFixtures.domainWithTokens(id, domain, "transactional");
    awaitSettled(id);
    SimulatorSes.operations()
        .inject(
            operation,
            new OperationGate.Fault(1, 400, "BadRequestException", "injected at " + operation));

    given().header("Authorization", ADMIN).delete("/v1/tenants/" + id).then().statusCode(202);
    assertThat(TenantFixtures.awaitStatus(id, "failed").getString("statusReason"))
        .contains(operation);
    try (TopicWatcher<TenantState> states = ContractKafka.watch(EventTypes.TENANT_STATE)) {
      given()
          .header("Authorization", ADMIN)
          .post("/v1/tenants/" + id + "/reconcile")
          .then()
          .statusCode(202);
      TenantFixtures.awaitStatus(id, "deleted");
      TenantState deleted =
          states
              .await(e -> e.subject().equals(id) && e.data().status() == TenantStatus.DELETED)
              .data();
      assertThat(deleted.domains()).isEmpty();
      assertThat(deleted.apiKeys()).isEmpty();
    }
    assertNothingLeft(id, domain);
  }

  @Test
  void throttlingAndServerErrorsAreRetriedWithoutFailingTheTenant() {
    SimulatorSes.operations()
        .inject(
            "CreateConfigurationSet",
            new OperationGate.Fault(1, 429, "TooManyRequestsException", "Rate exceeded"));
    String id = TenantFixtures.activeTenant("isolated");

    List<Map<String, Object>> steps =
        given()
            .header("Authorization", ADMIN)
            .get("/v1/tenants/" + id + "/provisioning")
            .jsonPath()
            .getList("$");
    assertThat(steps)
        .filteredOn(s -> ((String) s.get("step")).startsWith("configuration-set:"))
        .anySatisfy(
            s -> {
              assertThat(s.get("outcome")).isEqualTo("done");
              assertThat((Integer) s.get("attempts")).isEqualTo(2);
            });
  }

  private void deleteAndAssertNothingLeft(String id, String domain) {
    given().header("Authorization", ADMIN).delete("/v1/tenants/" + id).then().statusCode(202);
    TenantFixtures.awaitStatus(id, "deleted");
    assertNothingLeft(id, domain);
  }

  private void assertNothingLeft(String id, String domain) {
    assertThat(SimulatorSes.errorOf(() -> ses.getTenant(r -> r.tenantName("isl-" + id)).join()))
        .isEqualTo("NotFoundException");
    for (String set : List.of("isl-" + id + "-transactional", "isl-" + id + "-marketing")) {
      assertThat(
              SimulatorSes.errorOf(
                  () -> ses.getConfigurationSet(r -> r.configurationSetName(set)).join()))
          .isEqualTo("NotFoundException");
    }
    assertThat(
            SimulatorSes.errorOf(() -> ses.getEmailIdentity(r -> r.emailIdentity(domain)).join()))
        .isEqualTo("NotFoundException");
    assertThat(ses.listDedicatedIpPools(r -> r.pageSize(100)).join().dedicatedIpPools())
        .noneMatch(p -> p.startsWith("isl-" + id));
  }

  private boolean sendingEnabled(String set) {
    return ses.getConfigurationSet(r -> r.configurationSetName(set))
        .join()
        .sendingOptions()
        .sendingEnabled();
  }

  private List<String> resources(String id) {
    return ses.listTenantResources(r -> r.tenantName("isl-" + id)).join().tenantResources().stream()
        .map(r -> r.resourceArn())
        .toList();
  }

  private static void awaitSettled(String id) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                given()
                    .header("Authorization", ADMIN)
                    .get("/v1/tenants/" + id)
                    .jsonPath()
                    .getBoolean("reconciling"),
            reconciling -> !reconciling);
  }

  private static String arn(String resource) {
    return "arn:aws:ses:us-east-1:" + ACCOUNT + ":" + resource;
  }
}
