package io.isolane.warmup;

import static io.restassured.RestAssured.given;

import io.isolane.contracts.events.IsolationTier;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.TestDatabase;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh tenant with one enrolled mailbox and two API keys (admin, read-only) whose digests came
 * on tenant.state, for the tests of the tenant-scoped API.
 */
abstract class WarmupApiFixture {
  @Inject TestClock clock;

  String tenant;
  String mailbox;
  WarmupEvents.Key admin;
  WarmupEvents.Key reader;

  @BeforeEach
  void tenantWithOneMailbox() {
    tenant = SampleEvents.newTenantId();
    mailbox = WarmupEvents.mailbox("ana", tenant);
    admin = WarmupEvents.Key.of("read", "admin");
    reader = WarmupEvents.Key.of("read");
    ContractKafka.publish(
        WarmupEvents.state(tenant, IsolationTier.ISOLATED, 1, List.of(admin, reader), mailbox));
    awaitEnrolled(tenant, mailbox);
  }

  static RequestSpecification as(WarmupEvents.Key key) {
    return given().header("Authorization", key.bearer()).contentType(ContentType.JSON);
  }

  static void awaitEnrolled(String tenant, String sender) {
    TestDatabase.awaitValue(
        "1",
        Duration.ofSeconds(30),
        "warmup",
        "SELECT count(*) FROM sender_warmup s WHERE s.tenant_id = ? AND s.sender = ?"
            + " AND EXISTS (SELECT 1 FROM api_key k WHERE k.tenant_id = s.tenant_id)",
        tenant,
        sender);
  }
}
