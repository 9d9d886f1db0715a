package io.isolane.sending.client;

import static io.isolane.sending.client.ApiCalls.queue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.events.Stream;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.sending.SendingTestResources;
import io.isolane.sessimulator.state.SendRecord;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.ServiceMetrics;
import io.isolane.testkit.TestDatabase;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A tenant's burst on send.requests never holds another tenant's mail behind it on the same
 * partition: the burst is parked as it came and taken in afterwards, in its order, each request
 * once, the bad one dead-lettered; the other tenant's requests behind it are stored and sent at
 * once, long before the burst is all in the ledger. The tenant's queue shows what is still
 * arriving.
 */
@QuarkusTest
@WithTestResource(SendingTestResources.class)
class BurstIntakeTest {
  private static final int BURST = 30_000;
  private static final int B_MESSAGES = 20;

  @Test
  void aBurstAheadOnTheSamePartitionNeverHoldsAnotherTenantsMail() throws Exception {
    String a = SampleEvents.newTenantId();
    String b = BenchProbes.samePartitionAs(a);
    SesTenants.provision(a, 10, 10_000_000);
    SesTenants.provision(b, 50, 10_000_000);
    SesTenants.awaitLane(a, 1);
    SesTenants.awaitLane(b, 1);

    double parkedBefore = parkedSoFar();
    try (TopicWatcher<?> deadLetters = ContractKafka.watchRaw("dlq.sending-service")) {
      ContractKafka.publishAll(requests(a, "a-", 0, BURST / 2, Stream.MARKETING));
      publishWithoutRecipients(a, "a-bad");
      ContractKafka.publishAll(requests(a, "a-", BURST / 2, BURST, Stream.MARKETING));
      ContractKafka.publishAll(requests(b, "b-", 0, B_MESSAGES, Stream.TRANSACTIONAL));

      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> BenchProbes.sendsOf(b::equals, "b-").size() >= B_MESSAGES);
      Instant bSent =
          BenchProbes.sendsOf(b::equals, "b-").stream()
              .map(SendRecord::sentAt)
              .max(Instant::compareTo)
              .orElseThrow();
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> count("SELECT count(*) FROM message WHERE tenant_id = ?", a) >= BURST);

      assertThat(bSent)
          .as("B's mail went out while A's burst was still being taken in")
          .isBefore(lastStored(a));
      assertThat(deadLetters.awaitDeadLetterReason(a)).contains("$.to");
    }
    assertThat(count("SELECT count(*) FROM intake_spill WHERE tenant_id = ?", a))
        .as("nothing of A left parked")
        .isZero();
    assertThat(count("SELECT count(DISTINCT message_id) FROM message WHERE tenant_id = ?", a))
        .as("every request of A stored once, the bad one not at all")
        .isEqualTo(BURST);
    assertThat(outOfOrder(a)).as("A's mail queued in the order it was requested").isZero();
    assertThat(BenchProbes.sendsOf(b::equals, "b-")).hasSize(B_MESSAGES);
    assertThat(parkedSoFar() - parkedBefore)
        .as("most of A's burst went the parked way")
        .isGreaterThan(BURST / 2.0);
    BenchProbes.deleteQueued(a); // A sends at 10/s: its 30,000 would load later test classes
  }

  @Test
  void theQueueShowsWhatOfABurstIsStillArriving() {
    ApiTenants.Tenant tenant = ApiTenants.provision(50, 10_000_000);
    ApiTenants.publish(tenant, TenantStatus.SUSPENDED, 3, tenant.keys()); // nothing is sent
    TestDatabase.awaitValue(
        "SUSPENDED",
        Duration.ofSeconds(20),
        "sending",
        "SELECT status FROM tenant_lane WHERE tenant_id = ?",
        tenant.id());
    int burst = 10_000;
    ContractKafka.publishAll(requests(tenant.id(), "q-", 0, burst, Stream.MARKETING));

    AtomicLong mostArriving = new AtomicLong();
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              JsonPath view = queue(tenant.key()).statusCode(200).extract().jsonPath();
              long arriving = view.getLong("arriving");
              mostArriving.accumulateAndGet(arriving, Math::max);
              long queued =
                  view.getList("streams").isEmpty() ? 0 : view.getLong("streams[0].queued");
              assertThat(queued + arriving).isLessThanOrEqualTo(burst);
              return arriving == 0 && queued == burst;
            });
    assertThat(mostArriving.get()).as("seen parked while it arrived").isPositive();
  }

  @Test
  void aParkedRowThatCannotBeReadHoldsOnlyItsOwnTenant() {
    // sorts ahead of every generated tenant id, so each drain round comes to it first
    String broken = "0-unreadable-" + SampleEvents.newTenantId();
    String y = SampleEvents.newTenantId();
    SesTenants.provision(y, 10, 10_000_000);
    SesTenants.awaitLane(y, 1);
    double failuresBefore = ServiceMetrics.sum("isolane_sending_intake_drain_failures_total");
    double parkedBefore = parkedSoFar();
    TestDatabase.queryString(
        "sending",
        "INSERT INTO intake_spill (tenant_id, record_count, records) VALUES (?, 1,"
            + " '\\x00ff'::bytea) RETURNING id",
        broken);

    int burst = 10_000;
    ContractKafka.publishAll(requests(y, "y-", 0, burst, Stream.MARKETING));

    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> count("SELECT count(*) FROM message WHERE tenant_id = ?", y) >= burst);
    assertThat(parkedSoFar() - parkedBefore).as("Y's burst went the parked way").isPositive();
    assertThat(count("SELECT count(*) FROM intake_spill WHERE tenant_id = ?", y)).isZero();
    assertThat(count("SELECT count(*) FROM intake_spill WHERE tenant_id = ?", broken))
        .as("the unreadable row is kept for an operator, not dropped")
        .isEqualTo(1);
    assertThat(ServiceMetrics.sum("isolane_sending_intake_drain_failures_total") - failuresBefore)
        .as("each failed turn is counted")
        .isPositive();
    TestDatabase.queryString(
        "sending", "DELETE FROM intake_spill WHERE tenant_id = ? RETURNING id", broken);
    BenchProbes.deleteQueued(y);
  }

  private static List<ContractEvent<SendRequest>> requests(
      String tenant, String prefix, int from, int to, Stream stream) {
    List<ContractEvent<SendRequest>> out = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      out.add(SesTenants.request(tenant, prefix + i, stream));
    }
    return out;
  }

  private static void publishWithoutRecipients(String tenant, String messageId) {
    ProducerRecord<String, byte[]> valid =
        EventCodec.toRecord(SesTenants.request(tenant, messageId, Stream.MARKETING));
    String json = new String(valid.value(), StandardCharsets.UTF_8);
    byte[] noRecipients = json.replaceFirst("\"to\":\\[[^]]*]", "\"to\":[]").getBytes();
    assertThat(noRecipients).isNotEqualTo(valid.value());
    ContractKafka.publishRaw("send.requests", tenant, valid.headers(), noRecipients);
  }

  /** The service's counter of requests parked rather than stored at once. */
  private static double parkedSoFar() {
    return ServiceMetrics.sum("isolane_sending_intake_records_total", "path=\"parked\"");
  }

  private static long count(String sql, String tenant) {
    return Long.parseLong(TestDatabase.queryString("sending", sql, tenant));
  }

  /** When the last of the tenant's requests reached the ledger. */
  private static Instant lastStored(String tenant) {
    String at =
        TestDatabase.queryString(
            "sending",
            "SELECT to_char(max(received_at) AT TIME ZONE 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM message WHERE tenant_id = ?",
            tenant);
    return OffsetDateTime.parse(at).toInstant();
  }

  /** The tenant's messages whose place in the queue (ledger id order) is not their number's. */
  private static long outOfOrder(String tenant) {
    return count(
        "SELECT count(*) FROM (SELECT message_id, row_number() OVER (ORDER BY id) - 1 AS place"
            + " FROM message WHERE tenant_id = ?) q WHERE q.message_id <> 'a-' || q.place",
        tenant);
  }
}
