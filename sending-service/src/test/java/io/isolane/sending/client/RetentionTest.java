package io.isolane.sending.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.ContractJson;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.events.Stream;
import io.isolane.sending.SendingTestResources;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.ServiceMetrics;
import io.isolane.testkit.TestDatabase;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Retention of the send ledger on the real database, driven by the sweep's own timer (every second,
 * 5 messages per batch in tests; retention is the default 30 days).
 */
@QuarkusTest
@WithTestResource(SendingTestResources.class)
class RetentionTest {
  private static final String GONE =
      "gone-cancelled,gone-expired,gone-failed,gone-in-doubt,gone-sent,gone-suppressed";
  private static final String KEPT =
      "kept-accepted,kept-awaiting,kept-fresh,kept-sending,kept-young";

  @Test
  void terminalMessagesPastRetentionGoWithTheirHistoryAndNothingElseDoes() throws Exception {
    ApiTenants.Tenant a = ApiTenants.provision(50, 10_000);
    ApiTenants.Tenant b = ApiTenants.provision(50, 10_000);
    double purgedBefore = purged("message");
    double historyBefore = purged("message_history");
    // a message the API produced, not stored yet: its submission record is not the ledger's
    TestDatabase.queryString(
        "sending",
        "INSERT INTO api_submission (tenant_id, message_id, state, request, created_at,"
            + " submitted_at) VALUES (?, 'on-its-way', 'SUBMITTED', ?, now(), now())"
            + " RETURNING message_id",
        a.id(),
        json(a, "on-its-way", Instant.now()));

    // one statement: a sweep sees all of these rows or none of them
    String inserted =
        TestDatabase.queryString(
            "sending",
            "WITH rows (tenant_id, message_id, status, age, claimed) AS (VALUES"
                + rows(a.id())
                + ", "
                + rows(b.id())
                + ", (?, 'twin', 'SENT', 40, false), (?, 'twin', 'SENT', 1, false)),"
                + " ins AS (INSERT INTO message (tenant_id, message_id, mailbox, stream, status,"
                + " request, received_at, updated_at, not_before, claimed_at)"
                + " SELECT r.tenant_id, r.message_id, l.mailbox, 'MARKETING', r.status, l.request,"
                + " CASE WHEN r.status = 'AWAITING_TENANT' THEN now()"
                + " ELSE now() - r.age * interval '1 day' END,"
                + " now() - r.age * interval '1 day', now() + interval '1 day',"
                + " CASE WHEN r.claimed THEN now() END"
                + " FROM rows r JOIN (VALUES (?, ?, ?), (?, ?, ?)) AS l (tenant_id, mailbox,"
                + " request) ON l.tenant_id = r.tenant_id RETURNING 1)"
                + " SELECT count(*) FROM ins",
            a.id(),
            b.id(),
            a.id(),
            a.mailbox(),
            json(a, "stored", Instant.now()),
            b.id(),
            b.mailbox(),
            json(b, "stored", Instant.now()));
    assertThat(inserted).isEqualTo("24");

    // the old terminal rows of both tenants (and A's twin) go, several batches of 5
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                "0"
                    .equals(
                        TestDatabase.queryString(
                            "sending",
                            "SELECT count(*) FROM message WHERE tenant_id IN (?, ?)"
                                + " AND (message_id LIKE 'gone-%' OR message_id = 'twin'"
                                + " AND tenant_id = ?)",
                            a.id(),
                            b.id(),
                            a.id())));

    // young terminal rows and queued or active rows stay however old, with their history
    String keptB = KEPT + ",twin";
    assertThat(ledgerIds(a.id())).isEqualTo(KEPT);
    assertThat(ledgerIds(b.id())).isEqualTo(keptB);
    assertThat(historyIds(a.id())).isEqualTo(KEPT);
    assertThat(historyIds(b.id())).isEqualTo(keptB);
    // parked until tomorrow, never claimed: still exactly as stored
    assertThat(status(a.id(), "kept-accepted")).isEqualTo("ACCEPTED");
    assertThat(status(b.id(), "kept-accepted")).isEqualTo("ACCEPTED");
    assertThat(status(b.id(), "twin")).isEqualTo("SENT");

    // other tables are not the sweep's
    assertThat(
            TestDatabase.queryString(
                "sending",
                "SELECT count(*) FROM tenant_lane WHERE tenant_id IN (?, ?)",
                a.id(),
                b.id()))
        .isEqualTo("2");
    ApiCalls.get(a.key(), "on-its-way").statusCode(200).body("status", equalTo("submitted"));

    // the API: a purged message is unknown, a kept one shows its history
    for (String id : GONE.split(",")) {
      ApiCalls.get(a.key(), id).statusCode(404);
      ApiCalls.get(b.key(), id).statusCode(404);
    }
    ApiCalls.get(a.key(), "twin").statusCode(404);
    ApiCalls.get(b.key(), "twin").statusCode(200).body("history[-1].status", equalTo("sent"));
    ApiCalls.get(a.key(), "kept-young").statusCode(200).body("status", equalTo("sent"));

    // 13 messages with one history row each, whatever the other tests' traffic
    assertThat(purged("message")).isGreaterThanOrEqualTo(purgedBefore + 13);
    assertThat(purged("message_history")).isGreaterThanOrEqualTo(historyBefore + 13);
  }

  @Test
  void aRequestOlderThanTheRetentionIsDeadLetteredNotStoredAgain() throws Exception {
    ApiTenants.Tenant tenant = ApiTenants.provision(50, 10_000);
    SendRequest stale =
        ContractJson.mapper()
            .readValue(
                json(tenant, "from-long-ago", Instant.now().minus(Duration.ofDays(31))),
                SendRequest.class);
    try (TopicWatcher<?> dead = ContractKafka.watchRaw("dlq.sending-service")) {
      ContractKafka.publish(ContractEvent.of(EventTypes.SEND_REQUEST, "/test", stale));

      assertThat(dead.awaitDeadLetterReason(tenant.id())).contains("retention");
    }
    assertThat(
            TestDatabase.queryString(
                "sending", "SELECT count(*) FROM message WHERE tenant_id = ?", tenant.id()))
        .isEqualTo("0");
    assertThat(ApiCalls.sent(tenant.id(), "from-long-ago")).isEmpty();
  }

  /** Per tenant: (tenant, message id, status, age in days, claimed now) of 11 rows. */
  private static String rows(String tenant) {
    String t = "'" + tenant + "'";
    return String.join(
        ", ",
        List.of(
            row(t, "gone-sent", "SENT", 40),
            row(t, "gone-suppressed", "SUPPRESSED", 40),
            row(t, "gone-cancelled", "CANCELLED", 31),
            row(t, "gone-expired", "EXPIRED", 40),
            row(t, "gone-failed", "FAILED", 400),
            row(t, "gone-in-doubt", "IN_DOUBT", 40),
            row(t, "kept-young", "SENT", 29),
            row(t, "kept-fresh", "FAILED", 0),
            row(t, "kept-accepted", "ACCEPTED", 40),
            row(t, "kept-awaiting", "AWAITING_TENANT", 40),
            "(" + t + ", 'kept-sending', 'SENDING', 40, true)"));
  }

  private static String row(String tenant, String id, String status, int age) {
    return "(" + tenant + ", '" + id + "', '" + status + "', " + age + ", false)";
  }

  private static String ledgerIds(String tenant) {
    return TestDatabase.queryString(
        "sending",
        "SELECT string_agg(message_id, ',' ORDER BY message_id) FROM message WHERE tenant_id = ?",
        tenant);
  }

  private static String historyIds(String tenant) {
    return TestDatabase.queryString(
        "sending",
        "SELECT string_agg(DISTINCT message_id, ',' ORDER BY message_id) FROM message_history"
            + " WHERE tenant_id = ?",
        tenant);
  }

  private static String status(String tenant, String id) {
    return TestDatabase.queryString(
        "sending", "SELECT status FROM message WHERE tenant_id = ? AND message_id = ?", tenant, id);
  }

  private static String json(ApiTenants.Tenant tenant, String id, Instant requestedAt)
      throws Exception {
    SendRequest r = SesTenants.request(tenant.id(), id, Stream.MARKETING).data();
    SendRequest dated = r.withMailbox(tenant.mailbox()).withRequestedAt(requestedAt);
    return ContractJson.mapper().writeValueAsString(dated);
  }

  /** The sweep's counter of rows purged from {@code table} (0 before its first increment). */
  private static double purged(String table) {
    return ServiceMetrics.sum("isolane_sending_retention_purged_total", "table=\"" + table + "\"");
  }
}
