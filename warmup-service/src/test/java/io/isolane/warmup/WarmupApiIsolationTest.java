package io.isolane.warmup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.isolane.contracts.events.IsolationTier;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One tenant's API key never reads or changes another tenant's senders or plans. */
@QuarkusTest
@WithTestResource(WarmupTestResources.class)
class WarmupApiIsolationTest extends WarmupApiFixture {
  @Test
  void anotherTenantsKeyCannotSeeOrChangeTheseSenders() {
    String other = SampleEvents.newTenantId();
    WarmupEvents.Key otherAdmin = WarmupEvents.Key.of("read", "admin");
    String otherMailbox = WarmupEvents.mailbox("zoe", other);
    ContractKafka.publish(
        WarmupEvents.state(other, IsolationTier.ISOLATED, 1, List.of(otherAdmin), otherMailbox));
    awaitEnrolled(other, otherMailbox);

    as(otherAdmin)
        .get("/v1/warmup/senders/" + mailbox)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    as(otherAdmin).post("/v1/warmup/senders/" + mailbox + "/pause").then().statusCode(404);
    as(otherAdmin)
        .body("{\"stage\": 6}")
        .put("/v1/warmup/senders/" + mailbox)
        .then()
        .statusCode(404);
    as(otherAdmin)
        .get("/v1/warmup/senders")
        .then()
        .statusCode(200)
        .body("sender", equalTo(List.of(otherMailbox)));
    as(admin)
        .body(
            "{\"name\": \"private-plan\", \"kind\": \"mailbox\", \"steps\": [{\"fromDay\": 1, \"dailyCap\": 5}]}")
        .post("/v1/warmup/plans")
        .then()
        .statusCode(201);
    as(otherAdmin).get("/v1/warmup/plans").then().body("name", not(hasItem("private-plan")));
    as(otherAdmin)
        .body("{\"plan\": \"private-plan\"}")
        .put("/v1/warmup/senders/" + otherMailbox)
        .then()
        .statusCode(422);

    as(reader)
        .get("/v1/warmup/senders/" + mailbox)
        .then()
        .statusCode(200)
        .body("paused", equalTo(false))
        .body("stage", equalTo(1));
    given()
        .get("/v1/warmup/senders")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    given()
        .header("Authorization", "Bearer isk_00000000000000000000_" + "a".repeat(43))
        .get("/v1/warmup/senders")
        .then()
        .statusCode(401);
  }
}
