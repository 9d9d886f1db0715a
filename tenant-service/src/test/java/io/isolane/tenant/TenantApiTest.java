package io.isolane.tenant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.IsolationTier;
import io.isolane.contracts.events.TenantState;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TenantTestResources.class)
class TenantApiTest {
  static final String ADMIN = TenantFixtures.ADMIN;

  @Test
  void createdTenantIsProvisionedAndEachStateIsPublished() {
    String id = uniqueId();
    try (TopicWatcher<TenantState> states = ContractKafka.watch(EventTypes.TENANT_STATE)) {
      given()
          .header("Authorization", ADMIN)
          .contentType(ContentType.JSON)
          .body(
              """
              {"id": "%s", "name": "Acme", "tier": "isolated",
               "limits": {"maxPerSecond": 5, "maxPerDay": 1000}}"""
                  .formatted(id))
          .post("/v1/tenants")
          .then()
          .statusCode(202)
          .header("Location", endsWith("/v1/tenants/" + id))
          .body("id", equalTo(id))
          .body("tier", equalTo("isolated"))
          .body("status", equalTo("provisioning"))
          .body("reconciling", equalTo(true))
          .body("limits.maxPerSecond", equalTo(5));

      ContractEvent<TenantState> first =
          states.await(e -> e.subject().equals(id) && e.data().version() == 1);
      assertThat(first.key()).isEqualTo(id);
      assertThat(first.source()).isEqualTo("/isolane/tenant-service");
      assertThat(first.data().tier()).isEqualTo(IsolationTier.ISOLATED);
      assertThat(first.data().status()).isEqualTo(TenantStatus.PROVISIONING);
      assertThat(first.data().limits()).isEqualTo(new TenantState.SendingLimits(5, 1000));
      assertThat(first.data().sesTenantName()).isEqualTo("isl-" + id);
      assertThat(first.data().streams())
          .extracting(TenantState.SendingStream::configurationSet)
          .containsExactly("isl-" + id + "-transactional", "isl-" + id + "-marketing");

      ContractEvent<TenantState> active =
          states.await(e -> e.subject().equals(id) && e.data().status() == TenantStatus.ACTIVE);
      assertThat(active.data().version()).isEqualTo(2);
      assertThat(active.data().statusSetBy()).isEqualTo("reconciler");
    }

    given()
        .header("Authorization", ADMIN)
        .get("/v1/tenants/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("Acme"))
        .body("status", equalTo("active"));
  }

  @Test
  void limitsAndNameChangeAndArePublished() {
    String id = TenantFixtures.activeTenant("shared");
    try (TopicWatcher<TenantState> states = ContractKafka.watch(EventTypes.TENANT_STATE)) {
      given()
          .header("Authorization", ADMIN)
          .contentType(ContentType.JSON)
          .body("{\"name\": \"Renamed\", \"limits\": {\"maxPerSecond\": 42}}")
          .patch("/v1/tenants/" + id)
          .then()
          .statusCode(200)
          .body("name", equalTo("Renamed"))
          .body("limits.maxPerSecond", equalTo(42))
          .body("limits.maxPerDay", equalTo(10000));

      TenantState state =
          states.await(e -> e.subject().equals(id) && "Renamed".equals(e.data().name())).data();
      assertThat(state.limits()).isEqualTo(new TenantState.SendingLimits(42, 10000));
    }
  }

  @Test
  void aTierCannotBeDowngraded() {
    String id = TenantFixtures.activeTenant("isolated");
    given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body("{\"tier\": \"shared\"}")
        .patch("/v1/tenants/" + id)
        .then()
        .statusCode(409)
        .body("type", endsWith("/tier-downgrade"));
  }

  @Test
  void tenantsArePagedInIdOrder() {
    for (int i = 0; i < 3; i++) {
      given()
          .header("Authorization", ADMIN)
          .contentType(ContentType.JSON)
          .body("{\"id\": \"%s\", \"name\": \"P\", \"tier\": \"shared\"}".formatted(uniqueId()))
          .post("/v1/tenants")
          .then()
          .statusCode(202);
    }
    var first = given().header("Authorization", ADMIN).get("/v1/tenants?limit=2").jsonPath();
    assertThat(first.getList("items")).hasSize(2);
    String next = first.getString("next");
    assertThat(next).isEqualTo(first.getString("items[1].id"));
    var second =
        given().header("Authorization", ADMIN).get("/v1/tenants?limit=2&after=" + next).jsonPath();
    assertThat(second.getString("items[0].id")).isGreaterThan(next);
    given().header("Authorization", ADMIN).get("/v1/tenants?limit=0").then().statusCode(400);
  }

  @Test
  void aRetriedCreateWithTheSameIdempotencyKeyReturnsTheFirstResponse() {
    String id = uniqueId();
    String body = "{\"id\": \"%s\", \"name\": \"Idem\", \"tier\": \"shared\"}".formatted(id);
    String key = UUID.randomUUID().toString();
    String first =
        given()
            .header("Authorization", ADMIN)
            .header("Idempotency-Key", key)
            .contentType(ContentType.JSON)
            .body(body)
            .post("/v1/tenants")
            .then()
            .statusCode(202)
            .extract()
            .asString();
    given()
        .header("Authorization", ADMIN)
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/tenants")
        .then()
        .statusCode(202)
        .header("Idempotent-Replayed", "true")
        .header("Location", endsWith("/v1/tenants/" + id))
        .body(equalTo(first));
    given()
        .header("Authorization", ADMIN)
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body(body.replace("Idem", "Other"))
        .post("/v1/tenants")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("Idempotency-Key"));
  }

  @Test
  void omittedLimitsTakeThePlatformDefaults() {
    given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body("{\"id\": \"%s\", \"name\": \"Globex\", \"tier\": \"shared\"}".formatted(uniqueId()))
        .post("/v1/tenants")
        .then()
        .statusCode(202)
        .body("limits.maxPerSecond", equalTo(10))
        .body("limits.maxPerDay", equalTo(10000));
  }

  @Test
  void invalidFieldsAreNamedInAProblem() {
    given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body(
            """
            {"id": "Not Valid!", "name": "", "tier": "shared",
             "limits": {"maxPerSecond": -1, "maxPerDay": 10}}""")
        .post("/v1/tenants")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("errors.field", hasItems("id", "name", "limits.maxPerSecond"));
  }

  @Test
  void unknownTierIsRejectedWithTheAllowedValues() {
    given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body("{\"id\": \"%s\", \"name\": \"X\", \"tier\": \"platinum\"}".formatted(uniqueId()))
        .post("/v1/tenants")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("tier"))
        .body("errors[0].message", equalTo("must be one of shared, isolated, dedicated"));
  }

  @Test
  void malformedJsonIsAProblemToo() {
    given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body("{\"id\": ")
        .post("/v1/tenants")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void duplicateIdIsAConflict() {
    String body = "{\"id\": \"%s\", \"name\": \"Dup\", \"tier\": \"shared\"}".formatted(uniqueId());
    given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/tenants")
        .then()
        .statusCode(202);

    given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/tenants")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", endsWith("/tenant-exists"));
  }

  @Test
  void callsWithoutAValidAdminTokenAreRefused() {
    String body = "{\"id\": \"%s\", \"name\": \"X\", \"tier\": \"shared\"}".formatted(uniqueId());
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/tenants")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", "Bearer")
        .contentType("application/problem+json");
    given()
        .header("Authorization", "Bearer not-the-token")
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/tenants")
        .then()
        .statusCode(401);
    given().get("/v1/tenants/acme").then().statusCode(401);
  }

  @Test
  void unknownTenantIsNotFound() {
    given()
        .header("Authorization", ADMIN)
        .get("/v1/tenants/" + uniqueId())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  static String uniqueId() {
    return TenantFixtures.uniqueId();
  }
}
