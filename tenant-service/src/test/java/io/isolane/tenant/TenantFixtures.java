package io.isolane.tenant;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Drives tenant-service through its API the way the platform does. */
public final class TenantFixtures {
  public static final String ADMIN = "Bearer test-admin-token";

  private TenantFixtures() {}

  public static String uniqueId() {
    return "t-" + UUID.randomUUID().toString().substring(0, 12);
  }

  /** Creates a tenant of the tier and waits until the reconciler has made it active. */
  public static String activeTenant(String tier) {
    String id = uniqueId();
    given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body("{\"id\": \"%s\", \"name\": \"Tenant %s\", \"tier\": \"%s\"}".formatted(id, id, tier))
        .post("/v1/tenants")
        .then()
        .statusCode(202);
    awaitStatus(id, "active");
    return id;
  }

  /** Waits until the tenant has the status and no reconciliation is pending. */
  public static JsonPath awaitStatus(String id, String status) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> given().header("Authorization", ADMIN).get("/v1/tenants/" + id).jsonPath(),
            json -> status.equals(json.getString("status")) && !json.getBoolean("reconciling"));
  }

  /** A new API key of the tenant with the scopes; returns the secret. */
  public static String apiKey(String tenantId, String... scopes) {
    return given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("name", "test key", "scopes", List.of(scopes)))
        .post("/v1/tenants/" + tenantId + "/api-keys")
        .then()
        .statusCode(201)
        .extract()
        .path("key");
  }

  /** Adds the domain and waits for SES to issue its DKIM tokens. */
  public static JsonPath domainWithTokens(String tenantId, String domain, String stream) {
    given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("name", domain, "stream", stream))
        .post("/v1/tenants/" + tenantId + "/domains")
        .then()
        .statusCode(202);
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> domain(tenantId, domain), json -> !json.getList("dnsRecords").isEmpty());
  }

  public static JsonPath domain(String tenantId, String domain) {
    return given()
        .header("Authorization", ADMIN)
        .get("/v1/tenants/" + tenantId + "/domains/" + domain)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** Publishes every record the API asks for, plus a relaxed DMARC policy. */
  public static void publishRecords(JsonPath domain) {
    List<Map<String, String>> records = domain.getList("dnsRecords");
    for (Map<String, String> r : records) {
      TenantTestResources.dns().add(r.get("name"), r.get("type"), r.get("value"));
    }
  }

  /** A domain that passes every check: records published, verified now, ready. */
  public static void readyDomain(String tenantId, String domain, String stream) {
    publishRecords(domainWithTokens(tenantId, domain, stream));
    given()
        .header("Authorization", ADMIN)
        .post("/v1/tenants/" + tenantId + "/domains/" + domain + "/verify")
        .then()
        .statusCode(200)
        .extract()
        .path("status");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> domain(tenantId, domain).getString("status"), "ready"::equals);
  }
}
