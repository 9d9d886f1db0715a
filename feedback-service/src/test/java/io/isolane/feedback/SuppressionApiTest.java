package io.isolane.feedback;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.Suppression;
import io.isolane.contracts.events.SuppressionReason;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FeedbackTestResources.class)
class SuppressionApiTest {
  private TopicWatcher<Suppression> suppressions;

  @BeforeEach
  void watch() {
    suppressions = ContractKafka.watch(EventTypes.SUPPRESSION);
  }

  @AfterEach
  void close() {
    suppressions.close();
  }

  @Test
  void addLookUpAndRemoveAreAnnouncedOnTheSuppressionsTopic() {
    ApiTenants t = ApiTenants.provision();

    t.api()
        .contentType("application/json")
        .body(Map.of("address", "Trap@Example.org", "reason", "spam_trap"))
        .post("/v1/suppressions")
        .then()
        .statusCode(201)
        .header("Location", org.hamcrest.Matchers.endsWith("/v1/suppressions/trap@example.org"))
        .body("address", equalTo("trap@example.org"))
        .body("reason", equalTo("spam_trap"));
    ContractEvent<Suppression> added = suppressions.await(e -> e.subject().equals(t.id()));
    assertThat(added.data().suppressed()).isTrue();
    assertThat(added.data().reason()).isEqualTo(SuppressionReason.SPAM_TRAP);

    t.api()
        .contentType("application/json")
        .body(Map.of("address", "trap@example.org"))
        .post("/v1/suppressions")
        .then()
        .statusCode(200)
        .body("reason", equalTo("spam_trap"));
    t.readOnly().get("/v1/suppressions/TRAP@example.org").then().statusCode(200);

    t.api().delete("/v1/suppressions/trap@example.org").then().statusCode(204);
    ContractEvent<Suppression> lifted =
        suppressions.await(e -> e.subject().equals(t.id()) && !e.data().suppressed());
    assertThat(lifted.key()).isEqualTo(t.id() + "/trap@example.org");
    t.api().get("/v1/suppressions/trap@example.org").then().statusCode(404);
    t.api().delete("/v1/suppressions/trap@example.org").then().statusCode(404);
  }

  @Test
  void aTenantsKeyNeverReadsOrChangesAnotherTenantsList() {
    ApiTenants a = ApiTenants.provision();
    ApiTenants b = ApiTenants.provision();
    b.api()
        .contentType("application/json")
        .body(Map.of("address", "shared@example.org", "reason", "complaint"))
        .post("/v1/suppressions")
        .then()
        .statusCode(201);

    a.api().get("/v1/suppressions/shared@example.org").then().statusCode(404);
    a.api().delete("/v1/suppressions/shared@example.org").then().statusCode(404);
    a.api()
        .get("/v1/suppressions")
        .then()
        .statusCode(200)
        .body("items", org.hamcrest.Matchers.empty());

    b.api()
        .get("/v1/suppressions/shared@example.org")
        .then()
        .statusCode(200)
        .body("reason", equalTo("complaint"));
  }

  @Test
  void listPagesInAddressOrderAndFiltersByReason() {
    ApiTenants t = ApiTenants.provision();
    for (String local : List.of("e", "a", "d", "b", "c")) {
      t.api()
          .contentType("application/json")
          .body(
              Map.of(
                  "address",
                  local + "@example.org",
                  "reason",
                  local.equals("d") ? "complaint" : "manual"))
          .post("/v1/suppressions")
          .then()
          .statusCode(201);
    }

    List<String> seen = new ArrayList<>();
    String after = null;
    do {
      JsonPath page =
          t.api()
              .queryParam("limit", 2)
              .queryParam("after", after == null ? "" : after)
              .get("/v1/suppressions")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      seen.addAll(page.getList("items.address"));
      after = page.getString("next");
    } while (after != null);

    assertThat(seen)
        .containsExactly(
            "a@example.org", "b@example.org", "c@example.org", "d@example.org", "e@example.org");
    t.api()
        .queryParam("reason", "complaint")
        .get("/v1/suppressions")
        .then()
        .body("items.address", contains("d@example.org"))
        .body("next", nullValue());
  }

  @Test
  void csvImportAnswersRowByRow() {
    ApiTenants t = ApiTenants.provision();
    String csv =
        "address,reason,expires_at\n"
            + "one@example.org\n"
            + "\"Two@Example.org\",unsubscribe,\n"
            + "not-an-address,manual\n"
            + "three@example.org,sometimes\n"
            + "four@example.org,manual,2031-01-01T00:00:00Z\n"
            + "one@example.org,manual\n"
            + "five@example.org,manual,next tuesday\n";

    JsonPath result =
        t.api()
            .contentType("text/csv")
            .body(csv)
            .post("/v1/suppressions/import")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(result.getInt("rows")).isEqualTo(7);
    assertThat(result.getInt("suppressed")).isEqualTo(3);
    assertThat(result.getInt("alreadySuppressed")).isEqualTo(1);
    assertThat(result.getInt("invalid")).isEqualTo(3);
    assertThat(result.getList("results.result"))
        .containsExactly(
            "suppressed",
            "suppressed",
            "invalid",
            "invalid",
            "suppressed",
            "already_suppressed",
            "invalid");
    assertThat(result.getList("results.line", Integer.class)).containsExactly(2, 3, 4, 5, 6, 7, 8);
    assertThat(result.getString("results[2].error")).contains("address");
    assertThat(result.getString("results[3].error")).contains("reason must be one of");
    assertThat(result.getString("results[6].error")).contains("expires_at");
    t.api().get("/v1/suppressions/two@example.org").then().body("reason", equalTo("unsubscribe"));
    t.api()
        .get("/v1/suppressions/four@example.org")
        .then()
        .body("expiresAt", equalTo("2031-01-01T00:00:00Z"));
  }

  @Test
  void badInputAndMissingRightsGetProblemDetails() {
    ApiTenants t = ApiTenants.provision();

    given()
        .get("/v1/suppressions")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", "Bearer")
        .contentType("application/problem+json");
    given()
        .header("Authorization", "Bearer isk_0123456789abcdef0123_" + "x".repeat(43))
        .get("/v1/suppressions")
        .then()
        .statusCode(401);
    t.readOnly()
        .contentType("application/json")
        .body(Map.of("address", "x@example.org"))
        .post("/v1/suppressions")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", equalTo("this API key lacks the send scope"));
    t.api()
        .contentType("application/json")
        .body(Map.of("address", "nobody"))
        .post("/v1/suppressions")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("address"));
    t.api()
        .contentType("application/json")
        .body(Map.of("address", "x@example.org", "reason", "bored"))
        .post("/v1/suppressions")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("reason"));
    t.api()
        .queryParam("limit", 0)
        .get("/v1/suppressions")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("limit"));
    t.api()
        .queryParam("reason", "x")
        .get("/v1/suppressions")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("reason"));
    t.api()
        .contentType("text/csv")
        .body("\n")
        .post("/v1/suppressions/import")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("body"));
  }

  @Test
  void aTemporarySuppressionBecomesPermanentWhenAskedForGood() {
    ApiTenants t = ApiTenants.provision();
    t.api()
        .contentType("application/json")
        .body(
            Map.of(
                "address",
                "soft@example.org",
                "reason",
                "soft_bounce",
                "expiresAt",
                "2030-01-01T00:00:00Z"))
        .post("/v1/suppressions")
        .then()
        .statusCode(201);
    t.api()
        .contentType("application/json")
        .body(Map.of("address", "soft@example.org", "reason", "hard_bounce"))
        .post("/v1/suppressions")
        .then()
        .statusCode(201)
        .body("reason", equalTo("hard_bounce"))
        .body("expiresAt", nullValue());
  }
}
