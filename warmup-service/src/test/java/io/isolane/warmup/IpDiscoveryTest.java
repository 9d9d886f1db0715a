package io.isolane.warmup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.isolane.contracts.events.IsolationTier;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.TestDatabase;
import io.isolane.warmup.client.SimulatorSes;
import io.isolane.warmup.service.IpDiscovery;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A dedicated tenant that chose plan warm-up gets every IP of its pools (listed with SES's
 * GetDedicatedIps through the simulator) enrolled, and their caps reach SES as warm-up percentages.
 */
@QuarkusTest
@WithTestResource(WarmupTestResources.class)
class IpDiscoveryTest {
  static SimulatorSes ses;

  @Inject IpDiscovery discovery;
  @Inject Vertx vertx;

  @BeforeAll
  static void client() {
    ses = new SimulatorSes();
  }

  @AfterAll
  static void close() {
    ses.close();
  }

  @Test
  void everyIpOfTheTenantsPoolIsEnrolledOnceItChoosesPlanWarmup() throws Exception {
    WarmupEvents.Key admin = WarmupEvents.Key.of("read", "admin");
    String tenant = dedicatedTenant(admin);
    String pool = "pool-" + tenant;
    List<String> ips = List.of(randomIp(), randomIp());
    for (String ip : ips) {
      ses.putIp(ip, pool);
    }

    as(admin)
        .body("{\"dedicatedIpWarmup\": \"plan\"}")
        .put("/v1/warmup/defaults")
        .then()
        .statusCode(200)
        .body("dedicatedIpWarmup", equalTo("plan"))
        .body("domainPlan", equalTo("bulk-domain"));

    for (String ip : ips) {
      awaitEnrolled(admin, ip, pool);
      // 100 a day of bulk-domain's 10,000: 1%
      awaitSes(ip, new SimulatorSes.IpWarmup(pool, "IN_PROGRESS", 1));
    }

    String third = randomIp();
    ses.putIp(third, pool);
    awaitEnrolled(admin, third, pool);
    awaitSes(third, new SimulatorSes.IpWarmup(pool, "IN_PROGRESS", 1));

    OnVertx.runConcurrently(vertx, 4, discovery::runUntilDone);
    awaitDiscoveredAgain(tenant);
    assertThat(enrolledIps(tenant)).as("IP senders / enrolment rows").isEqualTo("3/3");
  }

  @Test
  void anIpThatLeavesThePoolIsRetiredAndComesBackWhenItReturns() throws Exception {
    WarmupEvents.Key admin = WarmupEvents.Key.of("read", "admin");
    String ip = randomIp();
    String tenant = planTenantWithIp(admin, ip);

    String elsewhere = "elsewhere-" + tenant;
    ses.createPool(elsewhere);
    ses.putIp(ip, elsewhere);
    awaitRetired(admin, ip, true);

    ses.putIp(ip, "pool-" + tenant);
    awaitRetired(admin, ip, false);
    assertThat(enrolledIps(tenant)).isEqualTo("1/1");
  }

  @Test
  void aTenantThatLeavesWarmupToSesGetsNothingEnrolled() throws Exception {
    WarmupEvents.Key admin = WarmupEvents.Key.of("read", "admin");
    String tenant = dedicatedTenant(admin);
    String ip = randomIp();
    ses.putIp(ip, "pool-" + tenant);
    // a tenant that did choose plan warm-up, to know discovery ran after the IP was in the pool
    String witness = planTenantWithIp(WarmupEvents.Key.of("read", "admin"), randomIp());
    awaitDiscoveredAgain(witness);

    as(admin).get("/v1/warmup/defaults").then().body("dedicatedIpWarmup", equalTo("ses"));
    assertThat(enrolledIps(tenant)).isEqualTo("0/0");
    assertThat(ses.ip(ip).percentage()).isZero();
  }

  @Test
  void anotherTenantCannotSeeOrChangeDiscoveredIps() throws Exception {
    WarmupEvents.Key admin = WarmupEvents.Key.of("read", "admin");
    String ip = randomIp();
    planTenantWithIp(admin, ip);

    WarmupEvents.Key stranger = WarmupEvents.Key.of("read", "admin");
    dedicatedTenant(stranger);
    as(stranger).get("/v1/warmup/senders/" + ip).then().statusCode(404);
    as(stranger).body("{\"stage\": 5}").put("/v1/warmup/senders/" + ip).then().statusCode(404);
    as(stranger).post("/v1/warmup/senders/" + ip + "/pause").then().statusCode(404);
    as(stranger)
        .get("/v1/warmup/senders")
        .then()
        .statusCode(200)
        .body("sender", org.hamcrest.Matchers.not(hasItem(ip)));
    as(admin)
        .get("/v1/warmup/senders/" + ip)
        .then()
        .statusCode(200)
        .body("stage", equalTo(1))
        .body("paused", equalTo(false));
  }

  @Test
  void theChoiceIsValidatedFieldByField() {
    WarmupEvents.Key admin = WarmupEvents.Key.of("read", "admin");
    WarmupEvents.Key reader = WarmupEvents.Key.of("read");
    String tenant = SampleEvents.newTenantId();
    ContractKafka.publish(
        WarmupEvents.state(
            tenant,
            IsolationTier.ISOLATED,
            1,
            List.of(admin, reader),
            WarmupEvents.mailbox("a", tenant)));
    WarmupEvents.awaitTenant(tenant);

    assertChoiceRefused(admin, "sometimes", 400, "must be ses or plan");
    assertChoiceRefused(admin, "plan", 422, "only dedicated tenants have dedicated IPs");
    as(reader)
        .body("{\"dedicatedIpWarmup\": \"ses\"}")
        .put("/v1/warmup/defaults")
        .then()
        .statusCode(403);
    as(admin).get("/v1/warmup/defaults").then().body("dedicatedIpWarmup", equalTo("ses"));
  }

  private static void assertChoiceRefused(
      WarmupEvents.Key key, String choice, int status, String message) {
    as(key)
        .body("{\"dedicatedIpWarmup\": \"" + choice + "\"}")
        .put("/v1/warmup/defaults")
        .then()
        .statusCode(status)
        .body("errors[0].field", equalTo("dedicatedIpWarmup"))
        .body("errors[0].message", equalTo(message));
  }

  /**
   * A dedicated tenant with {@code ip} in its pool that chose plan warm-up, once it is enrolled.
   */
  private static String planTenantWithIp(WarmupEvents.Key admin, String ip) throws Exception {
    String tenant = dedicatedTenant(admin);
    ses.putIp(ip, "pool-" + tenant);
    as(admin)
        .body("{\"dedicatedIpWarmup\": \"plan\"}")
        .put("/v1/warmup/defaults")
        .then()
        .statusCode(200);
    awaitEnrolled(admin, ip, "pool-" + tenant);
    return tenant;
  }

  /** A dedicated tenant whose tenant.state names pool-{tenant}, which SES has (empty). */
  private static String dedicatedTenant(WarmupEvents.Key admin) {
    String tenant = SampleEvents.newTenantId();
    ses.createPool("pool-" + tenant);
    ContractKafka.publish(
        WarmupEvents.state(
            tenant, IsolationTier.DEDICATED, 1, List.of(admin), WarmupEvents.mailbox("a", tenant)));
    WarmupEvents.awaitTenant(tenant);
    return tenant;
  }

  private static void awaitEnrolled(WarmupEvents.Key key, String ip, String pool) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                as(key)
                    .get("/v1/warmup/senders")
                    .then()
                    .statusCode(200)
                    .body("sender", hasItem(ip)));
    JsonPath sender =
        as(key).get("/v1/warmup/senders/" + ip).then().statusCode(200).extract().jsonPath();
    assertThat(sender.getString("kind")).isEqualTo("ip");
    assertThat(sender.getString("plan")).isEqualTo("bulk-domain");
    assertThat(sender.getInt("dailyCap")).isEqualTo(100);
    assertThat(sender.getList("history.reason"))
        .containsExactly("enrolled: discovered in pool " + pool);
  }

  private static void awaitRetired(WarmupEvents.Key key, String ip, boolean retired) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                as(key)
                    .get("/v1/warmup/senders/" + ip)
                    .then()
                    .statusCode(200)
                    .body("retired", equalTo(retired)));
  }

  private static void awaitSes(String ip, SimulatorSes.IpWarmup expected) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(ses.ip(ip)).isEqualTo(expected));
  }

  /** Waits for a discovery of the tenant that started after now. */
  private static void awaitDiscoveredAgain(String tenant) {
    String now =
        TestDatabase.queryString("warmup", "SELECT CAST(EXTRACT(EPOCH FROM now()) AS TEXT)");
    TestDatabase.awaitValue(
        "true",
        Duration.ofSeconds(30),
        "warmup",
        "SELECT CAST(EXTRACT(EPOCH FROM ips_discovered_at) > CAST(? AS NUMERIC) AS TEXT)"
            + " FROM tenant WHERE tenant_id = ?",
        now,
        tenant);
  }

  /** "IP senders/enrolment history rows" of the tenant. */
  private static String enrolledIps(String tenant) {
    return TestDatabase.queryString(
        "warmup",
        "SELECT (SELECT count(*) FROM sender_warmup WHERE tenant_id = ? AND kind = 'IP') || '/'"
            + " || (SELECT count(*) FROM cap_history h JOIN sender_warmup s ON s.id = h.sender_id"
            + " WHERE s.tenant_id = ? AND s.kind = 'IP' AND h.trigger = 'enrolled')",
        tenant,
        tenant);
  }

  private static String randomIp() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "172." + (16 + r.nextInt(16)) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
  }

  private static RequestSpecification as(WarmupEvents.Key key) {
    return given().header("Authorization", key.bearer()).contentType(ContentType.JSON);
  }
}
