package io.isolane.sending.client;

import static io.isolane.sending.client.ApiCalls.message;
import static io.isolane.sending.client.ApiCalls.queue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.MailboxLimits;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.sending.SendingTestResources;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /v1/queue: the tenant's backlog per stream and per mailbox. */
@QuarkusTest
@WithTestResource(SendingTestResources.class)
class QueueApiTest {

  @Test
  void theBacklogIsCountedPerStreamAndMailboxWithTheEarliestSendTime() {
    ApiTenants.Tenant tenant = ApiTenants.provision(50, 10_000);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant inAnHour = now.plus(Duration.ofHours(1));
    Instant inTwoHours = now.plus(Duration.ofHours(2));
    Instant inHalfAnHour = now.plus(Duration.ofMinutes(30));
    queued(tenant, "marketing", inAnHour);
    queued(tenant, "marketing", inTwoHours);
    queued(tenant, "transactional", inHalfAnHour);

    JsonPath view = awaitQueued(tenant, 3);

    Map<String, Object> marketing = view.getMap("streams.find { it.stream == 'marketing' }");
    assertThat(marketing).containsEntry("queued", 2).containsEntry("accepted", 2);
    assertThat(marketing).containsEntry("awaitingTenant", 0);
    assertThat(Instant.parse((String) marketing.get("earliestNotBefore"))).isEqualTo(inAnHour);
    assertThat(Instant.parse((String) marketing.get("nextSendAt"))).isEqualTo(inAnHour);
    assertThat(Instant.parse((String) marketing.get("oldestQueuedAt"))).isBefore(Instant.now());
    Map<String, Object> transactional =
        view.getMap("streams.find { it.stream == 'transactional' }");
    assertThat(transactional).containsEntry("queued", 1);
    assertThat(Instant.parse((String) transactional.get("nextSendAt"))).isEqualTo(inHalfAnHour);
    assertThat(view.getList("mailboxes")).hasSize(1);
    assertThat(view.getString("mailboxes[0].mailbox")).isEqualTo(tenant.mailbox());
    assertThat(view.getInt("mailboxes[0].queued")).isEqualTo(3);
    assertThat(Instant.parse(view.getString("mailboxes[0].nextSendAt"))).isEqualTo(inHalfAnHour);
  }

  @Test
  void aSuspendedTenantsQueueHasNoSendTimeUntilResumed() {
    ApiTenants.Tenant tenant = ApiTenants.provision(50, 10_000);
    ApiTenants.publish(tenant, TenantStatus.SUSPENDED, 3, tenant.keys());
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                "SUSPENDED"
                    .equals(
                        TestDatabase.queryString(
                            "sending",
                            "SELECT status FROM tenant_lane WHERE tenant_id = ?",
                            tenant.id())));
    ApiCalls.send(tenant, message(tenant, "parked")); // parked: the tenant is suspended

    JsonPath view = awaitQueued(tenant, 1);

    assertThat(view.getString("streams[0].nextSendAt")).isNull();
    assertThat(view.getString("mailboxes[0].nextSendAt")).isNull();
    assertThat(view.getString("streams[0].earliestNotBefore")).isNull();
  }

  @Test
  void aMailboxWhoseDailyCapIsUsedUpSendsNextAtTheStartOfItsNextDay() {
    ApiTenants.Tenant tenant = ApiTenants.provision(50, 10_000);
    MailboxLimits limits =
        new MailboxLimits(
            tenant.id(),
            tenant.mailbox(),
            LocalDate.now(ZoneOffset.UTC),
            0,
            60,
            0,
            new MailboxLimits.SendingWindow("Europe/Lisbon", List.of(1, 2, 3, 4, 5, 6, 7), 0, 24),
            0,
            "held",
            Instant.now());
    ContractKafka.publish(ContractEvent.of(EventTypes.MAILBOX_LIMITS, "/test", limits));
    ControlEvents.awaitLimitsStored(tenant.id());
    ApiCalls.send(tenant, message(tenant, "capped"));
    ZoneId lisbon = ZoneId.of("Europe/Lisbon");
    Instant tomorrow = LocalDate.now(lisbon).plusDays(1).atStartOfDay(lisbon).toInstant();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              JsonPath view = queue(tenant.key()).statusCode(200).extract().jsonPath();
              String next = view.getString("mailboxes[0].nextSendAt");
              return next != null && Instant.parse(next).equals(tomorrow);
            });
    JsonPath view = queue(tenant.key()).statusCode(200).extract().jsonPath();
    assertThat(Instant.parse(view.getString("streams[0].nextSendAt"))).isBefore(tomorrow);
  }

  @Test
  void anEmptyQueueHasNoGroups() {
    ApiTenants.Tenant tenant = ApiTenants.provision(50, 10_000);
    JsonPath view = queue(tenant.key()).statusCode(200).extract().jsonPath();
    assertThat(view.getList("streams")).isEmpty();
    assertThat(view.getList("mailboxes")).isEmpty();
  }

  private static void queued(ApiTenants.Tenant tenant, String stream, Instant notBefore) {
    Map<String, Object> body = message(tenant, stream + "-" + notBefore.getEpochSecond());
    body.put("stream", stream);
    body.put("notBefore", notBefore.toString());
    ApiCalls.send(tenant, body);
  }

  private static JsonPath awaitQueued(ApiTenants.Tenant tenant, int count) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              JsonPath view = queue(tenant.key()).statusCode(200).extract().jsonPath();
              return view.getList("mailboxes").size() == 1
                  && view.getInt("mailboxes[0].queued") == count;
            });
    return queue(tenant.key()).statusCode(200).extract().jsonPath();
  }
}
