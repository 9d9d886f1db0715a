package io.isolane.sending.client;

import static io.isolane.sending.client.ApiCalls.as;
import static io.isolane.sending.client.ApiCalls.cancel;
import static io.isolane.sending.client.ApiCalls.message;
import static io.isolane.sending.client.ApiCalls.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.isolane.contracts.events.TenantStatus;
import io.isolane.sending.SendingTestResources;
import io.isolane.testkit.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may call the API, and that one tenant's key never reaches another tenant's messages. */
@QuarkusTest
@WithTestResource(SendingTestResources.class)
class ApiAccessTest {

  @Test
  void aMissingOrMalformedOrUnknownKeyIsUnauthorized() {
    ApiTenants.Tenant tenant = ApiTenants.provision(50, 10_000);
    given()
        .get("/v1/queue")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", "Bearer")
        .body("status", equalTo(401));
    given().header("Authorization", "Basic dXNlcjpwdw==").get("/v1/queue").then().statusCode(401);
    as("isk_not-a-key").get("/v1/queue").then().statusCode(401);
    as(ApiTenants.newKey()).get("/v1/queue").then().statusCode(401);
    // the right key id with another secret
    String forged = tenant.key().substring(0, 25) + ApiTenants.newKey().substring(25);
    as(forged).get("/v1/queue").then().statusCode(401);
    as(forged)
        .contentType(ContentType.JSON)
        .body(message(tenant, "forged"))
        .post("/v1/messages")
        .then()
        .statusCode(401)
        .body("detail", equalTo("the API key is not valid or was revoked"));
  }

  @Test
  void eachOperationNeedsItsScope() {
    ApiTenants.Tenant tenant = ApiTenants.provision(50, 10_000);
    post(tenant.readKey(), message(tenant, "read-only"))
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", equalTo("this API key lacks the send scope"));
    ApiCalls.queue(tenant.sendKey()).statusCode(403);
    ApiCalls.queue(tenant.readKey()).statusCode(200);
    String id =
        post(tenant.sendKey(), message(tenant, "send-only"))
            .statusCode(202)
            .extract()
            .path("messageId");
    ApiCalls.get(tenant.sendKey(), id).statusCode(403);
    ApiCalls.get(tenant.readKey(), id).statusCode(200);
    cancel(tenant.readKey(), id).statusCode(403);
  }

  @Test
  void aRevokedKeyStopsWorkingAndTheOthersKeepWorking() {
    ApiTenants.Tenant tenant = ApiTenants.provision(50, 10_000);
    ApiTenants.publish(tenant, TenantStatus.ACTIVE, 3, Map.of(tenant.readKey(), List.of("read")));

    ApiTenants.awaitStatus(tenant.key(), 401);
    ApiCalls.queue(tenant.readKey()).statusCode(200);
  }

  @Test
  void aDeletedTenantsKeysStopWorking() {
    ApiTenants.Tenant tenant = ApiTenants.provision(50, 10_000);
    ApiTenants.publish(tenant, TenantStatus.DELETED, 3, tenant.keys());

    ApiTenants.awaitStatus(tenant.key(), 401);
  }

  @Test
  void aTenantsKeyNeverReadsCancelsOrSeesAnotherTenantsMessages() {
    ApiTenants.Tenant a = ApiTenants.provision(50, 10_000);
    ApiTenants.Tenant b = ApiTenants.provision(50, 10_000);
    Map<String, Object> bMessage = message(b, "b-queued");
    bMessage.put("notBefore", Instant.now().plusSeconds(3600).toString());
    String bId = post(b.key(), "shared-key", bMessage).statusCode(202).extract().path("messageId");
    ApiCalls.awaitStatus(b.key(), bId, "accepted");
    String bQueue =
        ApiCalls.queue(b.key()).statusCode(200).extract().jsonPath().getString("mailboxes");

    ApiCalls.get(a.key(), bId).statusCode(404).contentType("application/problem+json");
    cancel(a.key(), bId).statusCode(404).contentType("application/problem+json");
    ApiCalls.queue(a.key())
        .statusCode(200)
        .body("mailboxes.mailbox", not(hasItem(b.mailbox())))
        .body("mailboxes", equalTo(List.of()));
    // B's mailbox is not A's, whatever the body says; and keys are per tenant
    post(a.key(), "shared-key", message(b, "spoof"))
        .statusCode(422)
        .body("errors[0].field", equalTo("mailbox"))
        .body("errors[0].message", equalTo("is not a mailbox of this tenant"));
    String aId =
        post(a.key(), "shared-key", message(a, "own")).statusCode(202).extract().path("messageId");
    assertThat(aId).isNotEqualTo(bId);

    ApiCalls.get(b.key(), bId).statusCode(200).body("status", equalTo("accepted"));
    ApiCalls.get(b.key(), aId).statusCode(404);
    assertThat(ApiCalls.queue(b.key()).extract().jsonPath().getString("mailboxes"))
        .isEqualTo(bQueue);
    assertThat(
            TestDatabase.queryString(
                "sending",
                "SELECT status FROM message WHERE tenant_id = ? AND message_id = ?",
                b.id(),
                bId))
        .isEqualTo("ACCEPTED");
    assertThat(
            TestDatabase.queryString(
                "sending", "SELECT count(*) FROM message WHERE message_id = ?", bId))
        .isEqualTo("1");
  }

  @Test
  void theApiIsDescribedInOpenApiWithItsBearerScheme() {
    given()
        .queryParam("format", "json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("paths.'/v1/messages'.post.responses.'202'", notNullValue())
        .body("paths.'/v1/messages/{messageId}'.delete.responses.'409'", notNullValue())
        .body("paths.'/v1/queue'.get", notNullValue())
        .body("components.securitySchemes.apiKey.scheme", equalTo("bearer"));
  }
}
