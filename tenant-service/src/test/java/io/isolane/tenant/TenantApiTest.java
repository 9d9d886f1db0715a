package io.isolane.tenant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.IsolationTier;
import io.isolane.contracts.events.TenantState;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.IsolaneTestResource;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
    value = IsolaneTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "tenant"))
class TenantApiTest {
  static final String ADMIN = "Bearer test-admin-token";

  @Test
  void createdTenantIsStoredAndPublishedOnTenantState() {
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
          .statusCode(201)
          .header("Location", endsWith("/v1/tenants/" + id))
          .body("id", equalTo(id))
          .body("tier", equalTo("isolated"))
          .body("status", equalTo("active"))
          .body("limits.maxPerSecond", equalTo(5));

      ContractEvent<TenantState> event = states.await(e -> e.subject().equals(id));
      assertThat(event.key()).isEqualTo(id);
      assertThat(event.source()).isEqualTo("/isolane/tenant-service");
      assertThat(event.data().tier()).isEqualTo(IsolationTier.ISOLATED);
      assertThat(event.data().status()).isEqualTo(TenantStatus.ACTIVE);
      assertThat(event.data().limits()).isEqualTo(new TenantState.SendingLimits(5, 1000));
      assertThat(event.data().version()).isEqualTo(1);
    }

    given()
        .header("Authorization", ADMIN)
        .get("/v1/tenants/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("Acme"))
        .body("statusSetBy", containsString("admin:"));
  }

  @Test
  void omittedLimitsTakeThePlatformDefaults() {
    given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body("{\"id\": \"%s\", \"name\": \"Globex\", \"tier\": \"shared\"}".formatted(uniqueId()))
        .post("/v1/tenants")
        .then()
        .statusCode(201)
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
        .statusCode(201);

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
    return "t-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
