package io.isolane.tenant;

import static io.isolane.tenant.TenantFixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.TenantState;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** API keys: shown once, stored and published as digests, scoped, revocable. */
@QuarkusTest
@WithTestResource(TenantTestResources.class)
class ApiKeyTest {

  @Test
  void aKeyIsShownOncePublishedAsItsDigestAndStopsWorkingWhenRevoked() throws Exception {
    String id = TenantFixtures.activeTenant("shared");
    try (TopicWatcher<TenantState> states = ContractKafka.watch(EventTypes.TENANT_STATE)) {
      var created =
          given()
              .header("Authorization", ADMIN)
              .contentType(ContentType.JSON)
              .body(Map.of("name", "crm", "scopes", List.of("send", "read")))
              .post("/v1/tenants/" + id + "/api-keys")
              .then()
              .statusCode(201)
              .body("scopes", equalTo(List.of("read", "send")))
              .extract()
              .jsonPath();
      String key = created.getString("key");
      String keyId = created.getString("keyId");
      assertThat(key).matches("isk_[0-9a-f]{20}_[A-Za-z0-9_-]{43}").contains(keyId);

      TenantState state =
          states.await(e -> e.subject().equals(id) && !e.data().apiKeys().isEmpty()).data();
      assertThat(state.apiKeys())
          .containsExactly(
              new TenantState.ApiKeyDigest(keyId, sha256(key), List.of("read", "send")));

      given()
          .header("Authorization", "Bearer " + key)
          .get("/v1/tenants/" + id)
          .then()
          .statusCode(200)
          .body("id", equalTo(id));
      given()
          .header("Authorization", ADMIN)
          .get("/v1/tenants/" + id + "/api-keys")
          .then()
          .statusCode(200)
          .body("items[0].key", nullValue())
          .body("items[0].lastUsedAt", notNullValue());

      given()
          .header("Authorization", ADMIN)
          .delete("/v1/tenants/" + id + "/api-keys/" + keyId)
          .then()
          .statusCode(200)
          .body("revokedAt", notNullValue());
      states.await(e -> e.subject().equals(id) && e.data().apiKeys().isEmpty());
      given()
          .header("Authorization", "Bearer " + key)
          .get("/v1/tenants/" + id)
          .then()
          .statusCode(401);
    }
  }

  @Test
  void scopesLimitWhatAKeyMayDo() {
    String id = TenantFixtures.activeTenant("shared");
    String readOnly = TenantFixtures.apiKey(id, "read");
    String sendOnly = TenantFixtures.apiKey(id, "send");
    String admin = TenantFixtures.apiKey(id, "admin", "read");

    given()
        .header("Authorization", "Bearer " + readOnly)
        .contentType(ContentType.JSON)
        .body(Map.of("name", "x." + id + ".example", "stream", "marketing"))
        .post("/v1/tenants/" + id + "/domains")
        .then()
        .statusCode(403);
    given()
        .header("Authorization", "Bearer " + sendOnly)
        .get("/v1/tenants/" + id + "/domains")
        .then()
        .statusCode(403);
    given()
        .header("Authorization", "Bearer " + admin)
        .contentType(ContentType.JSON)
        .body(Map.of("name", "y." + id + ".example", "stream", "marketing"))
        .post("/v1/tenants/" + id + "/domains")
        .then()
        .statusCode(202);
    // a tenant key is never a platform admin
    given().header("Authorization", "Bearer " + admin).get("/v1/tenants").then().statusCode(403);
  }

  @Test
  void aReplayedKeyCreationNeverRevealsTheSecretAgain() {
    String id = TenantFixtures.activeTenant("shared");
    String idem = UUID.randomUUID().toString();
    var first = createKey(id, idem).statusCode(201).extract().jsonPath();
    assertThat(first.getString("key")).isNotBlank();
    createKey(id, idem)
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("keyId", equalTo(first.getString("keyId")))
        .body("key", nullValue());
    given()
        .header("Authorization", ADMIN)
        .get("/v1/tenants/" + id + "/api-keys")
        .then()
        .body("items.size()", equalTo(1));
  }

  @Test
  void malformedAndUnknownKeysAreUnauthorized() {
    String id = TenantFixtures.activeTenant("shared");
    String key = TenantFixtures.apiKey(id, "read");
    String forged = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
    for (String token :
        List.of(forged, "isk_nonsense", "isk_" + "0".repeat(20) + "_" + "a".repeat(43))) {
      given()
          .header("Authorization", "Bearer " + token)
          .get("/v1/tenants/" + id)
          .then()
          .statusCode(401)
          .contentType("application/problem+json");
    }
  }

  private static io.restassured.response.ValidatableResponse createKey(String id, String idem) {
    return given()
        .header("Authorization", ADMIN)
        .header("Idempotency-Key", idem)
        .contentType(ContentType.JSON)
        .body(Map.of("name", "ci", "scopes", List.of("send")))
        .post("/v1/tenants/" + id + "/api-keys")
        .then();
  }

  private static String sha256(String value) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
  }
}
