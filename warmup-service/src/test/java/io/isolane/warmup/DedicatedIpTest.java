package io.isolane.warmup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.isolane.contracts.events.IsolationTier;
import io.isolane.sessimulator.state.DedicatedIp;
import io.isolane.sessimulator.state.SesState;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.SesSimulatorResource;
import io.isolane.testkit.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Dedicated IPs of a dedicated tenant warmed by this service: the IP's cap reaches the SES
 * simulator as PutDedicatedIpWarmupAttributes through the real AWS SDK.
 */
@QuarkusTest
@WithTestResource(WarmupTestResources.class)
class DedicatedIpTest {
  @Inject TestClock clock;

  @Test
  void dedicatedIpFollowsTheBulkPlanAsSesWarmupPercentage() {
    String tenant = SampleEvents.newTenantId();
    WarmupEvents.Key admin = WarmupEvents.Key.of("read", "admin");
    ContractKafka.publish(
        WarmupEvents.state(
            tenant, IsolationTier.DEDICATED, 1, List.of(admin), WarmupEvents.mailbox("a", tenant)));
    WarmupEvents.awaitTenant(tenant);
    SesState ses = SesSimulatorResource.simulator().state();
    String ip = randomIp();
    String foreignIp = randomIp();
    ses.dedicatedIpPools.put("pool-" + tenant, Map.of("ScalingMode", "STANDARD"));
    ses.dedicatedIpPools.put("pool-someone-else", Map.of("ScalingMode", "STANDARD"));
    ses.dedicatedIps.put(ip, new DedicatedIp(ip, "pool-" + tenant));
    ses.dedicatedIps.put(foreignIp, new DedicatedIp(foreignIp, "pool-someone-else"));

    as(admin)
        .put("/v1/warmup/dedicated-ips/" + ip)
        .then()
        .statusCode(201)
        .body("kind", equalTo("ip"))
        .body("plan", equalTo("bulk-domain"))
        .body("dailyCap", equalTo(100));
    as(admin).put("/v1/warmup/dedicated-ips/" + ip).then().statusCode(200);
    // 100 of the plan's 10,000 a day: 1%
    awaitWarmup(ses, ip, 1, "IN_PROGRESS");

    for (int day = 2; day <= 3; day++) {
      clock.advanceDays(1);
      int planDay = day;
      TestDatabase.awaitValue(
          Integer.toString(planDay),
          Duration.ofSeconds(30),
          "warmup",
          "SELECT plan_day FROM sender_warmup WHERE tenant_id = ? AND sender = ?",
          tenant,
          ip);
    }
    awaitWarmup(ses, ip, 2, "IN_PROGRESS"); // day 3: 200 a day

    as(admin)
        .body("{\"stage\": 13}")
        .put("/v1/warmup/senders/" + ip)
        .then()
        .statusCode(200)
        .body("dailyCap", equalTo(10_000));
    awaitWarmup(ses, ip, 100, "DONE");

    as(admin)
        .body("{\"plan\": \"cold-outreach\"}")
        .put("/v1/warmup/senders/" + ip)
        .then()
        .statusCode(422)
        .body("errors[0].message", startsWith("is a mailbox plan"));
    as(admin)
        .put("/v1/warmup/dedicated-ips/" + foreignIp)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("ip"))
        .body(
            "errors[0].message", equalTo("SES does not list this IP in a dedicated pool of yours"));
    as(admin).put("/v1/warmup/dedicated-ips/999.1.2.3").then().statusCode(400);
    assertThat(ses.dedicatedIps.get(foreignIp).warmupPercentage).isZero();
  }

  @Test
  void onlyDedicatedTenantsHaveDedicatedIps() {
    String tenant = SampleEvents.newTenantId();
    WarmupEvents.Key admin = WarmupEvents.Key.of("read", "admin");
    ContractKafka.publish(
        WarmupEvents.state(
            tenant, IsolationTier.ISOLATED, 1, List.of(admin), WarmupEvents.mailbox("a", tenant)));
    WarmupEvents.awaitTenant(tenant);
    String ip = randomIp();
    SesSimulatorResource.simulator().state().dedicatedIps.put(ip, new DedicatedIp(ip, null));
    as(admin)
        .put("/v1/warmup/dedicated-ips/" + ip)
        .then()
        .statusCode(422)
        .body("errors[0].message", equalTo("only dedicated tenants have dedicated IPs"));
  }

  private static void awaitWarmup(SesState ses, String ip, int percentage, String status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              DedicatedIp state = ses.dedicatedIps.get(ip);
              assertThat(state.warmupPercentage).isEqualTo(percentage);
              assertThat(state.warmupStatus).isEqualTo(status);
            });
  }

  private static String randomIp() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
  }

  private static RequestSpecification as(WarmupEvents.Key key) {
    return given().header("Authorization", key.bearer()).contentType(ContentType.JSON);
  }
}
