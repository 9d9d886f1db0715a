package io.isolane.tenant;

import static io.isolane.tenant.TenantFixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tenant A's key, on every tenant-scoped endpoint of tenant B, gets 404 as if B did not exist, and
 * nothing of B changes.
 */
@QuarkusTest
@WithTestResource(TenantTestResources.class)
class IsolationTest {

  /** A call: method, path under /v1/tenants/{tenant}, JSON body or null. */
  record Call(String method, String path, Object body) {}

  @Test
  void anotherTenantsKeyFindsNothingAndChangesNothing() {
    String a = TenantFixtures.activeTenant("isolated");
    String b = TenantFixtures.activeTenant("isolated");
    String bDomain = "mail." + b + ".example.com";
    TenantFixtures.readyDomain(b, bDomain, "marketing");
    String bMailbox = "ana@" + bDomain;
    given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("address", bMailbox))
        .post("/v1/tenants/" + b + "/mailboxes")
        .then()
        .statusCode(201);
    String bKeyId =
        given()
            .header("Authorization", ADMIN)
            .contentType(ContentType.JSON)
            .body(Map.of("name", "b key", "scopes", List.of("send")))
            .post("/v1/tenants/" + b + "/api-keys")
            .then()
            .statusCode(201)
            .extract()
            .path("keyId");
    String aKey = TenantFixtures.apiKey(a, "admin", "read", "send");
    Map<String, String> before = snapshot(b);

    List<Call> calls =
        List.of(
            new Call("GET", "", null),
            new Call("PATCH", "", Map.of("name", "hijacked")),
            new Call("POST", "/suspend", Map.of("reason", "x")),
            new Call("POST", "/resume", null),
            new Call("POST", "/reconcile", null),
            new Call("GET", "/provisioning", null),
            new Call("DELETE", "", null),
            new Call("GET", "/domains", null),
            new Call(
                "POST", "/domains", Map.of("name", "new." + b + ".example", "stream", "marketing")),
            new Call("GET", "/domains/" + bDomain, null),
            new Call("POST", "/domains/" + bDomain + "/verify", null),
            new Call("DELETE", "/domains/" + bDomain, null),
            new Call("GET", "/mailboxes", null),
            new Call("POST", "/mailboxes", Map.of("address", "eve@" + bDomain)),
            new Call("GET", "/mailboxes/" + bMailbox, null),
            new Call("POST", "/mailboxes/" + bMailbox + "/pause", null),
            new Call("POST", "/mailboxes/" + bMailbox + "/resume", null),
            new Call("DELETE", "/mailboxes/" + bMailbox, null),
            new Call("GET", "/api-keys", null),
            new Call("POST", "/api-keys", Map.of("name", "mine", "scopes", List.of("admin"))),
            new Call("DELETE", "/api-keys/" + bKeyId, null));

    for (Call call : calls) {
      var request = given().header("Authorization", "Bearer " + aKey);
      if (call.body() != null) {
        request = request.contentType(ContentType.JSON).body(call.body());
      }
      var response = request.request(call.method(), "/v1/tenants/" + b + call.path());
      assertThat(response.statusCode()).as("%s", call).isEqualTo(404);
      assertThat(response.contentType()).as("%s", call).isEqualTo("application/problem+json");
    }
    // B's own resources addressed through A's path are A's: none of them exist there
    given()
        .header("Authorization", "Bearer " + aKey)
        .get("/v1/tenants/" + a + "/domains/" + bDomain)
        .then()
        .statusCode(404);
    given()
        .header("Authorization", "Bearer " + aKey)
        .delete("/v1/tenants/" + a + "/mailboxes/" + bMailbox)
        .then()
        .statusCode(404);
    given()
        .header("Authorization", "Bearer " + aKey)
        .delete("/v1/tenants/" + a + "/api-keys/" + bKeyId)
        .then()
        .statusCode(404);

    // every change bumps the version and publishes: an unchanged snapshot means nothing happened
    assertThat(snapshot(b)).isEqualTo(before);
  }

  /** Everything the API shows of a tenant, as an admin sees it. */
  private static Map<String, String> snapshot(String tenant) {
    return Map.of(
        "tenant", adminGet("/v1/tenants/" + tenant),
        "domains", adminGet("/v1/tenants/" + tenant + "/domains"),
        "mailboxes", adminGet("/v1/tenants/" + tenant + "/mailboxes"),
        "keys", adminGet("/v1/tenants/" + tenant + "/api-keys"));
  }

  private static String adminGet(String path) {
    return given()
        .header("Authorization", ADMIN)
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }
}
