package io.isolane.sending.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.isolane.contracts.events.Stream;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.contracts.kafka.TenantPartitioner;
import io.isolane.sending.SendingTestResources;
import io.isolane.sending.repository.SpilledRecords;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/**
 * Parked records are taken in only by the instance that owns their tenant's partition: while
 * another member of the group holds it they stay parked, and once the partition comes back here (a
 * rebalance) they are taken in and sent, each once.
 */
@QuarkusTest
@WithTestResource(SendingTestResources.class)
class ParkedAcrossRebalanceTest {
  private static final int PARKED = 10;

  @Test
  void parkedRecordsAreTakenInByTheOwnerOfTheirPartitionOnly() {
    String tenant;
    try (KafkaConsumer<String, byte[]> member = GroupMember.join()) {
      int partitions = member.partitionsFor("send.requests").size();
      List<Integer> theirs = member.assignment().stream().map(TopicPartition::partition).toList();
      tenant = tenantOn(theirs, partitions);
      SesTenants.provision(tenant, 50, 10_000);
      SesTenants.awaitLane(tenant, 1);

      park(tenant, TenantPartitioner.forTenant(tenant, partitions)); // as another instance would

      String parkedHere = tenant;
      await()
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(3))
          .until(() -> parkedRows(parkedHere) == 1 && stored(parkedHere) == 0);
    } // the member leaves: the partition comes back to the service

    String t = tenant;
    await().atMost(Duration.ofSeconds(60)).until(() -> SesTenants.sent(t).size() >= PARKED);
    assertThat(parkedRows(t)).isZero();
    assertThat(stored(t)).isEqualTo(PARKED);
    FlowChecks.awaitQuiet(t);
    assertThat(SesTenants.sent(t)).hasSize(PARKED);
  }

  /** A new tenant whose send.requests partition is one of these. */
  private static String tenantOn(List<Integer> partitions, int total) {
    String tenant;
    do {
      tenant = SampleEvents.newTenantId();
    } while (!partitions.contains(TenantPartitioner.forTenant(tenant, total)));
    return tenant;
  }

  /** One parked row of the tenant's requests, packed as intake parks them. */
  private static void park(String tenant, int partition) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    for (int i = 0; i < PARKED; i++) {
      ProducerRecord<String, byte[]> r =
          EventCodec.toRecord(SesTenants.request(tenant, "parked-" + i, Stream.MARKETING));
      records.add(
          new ConsumerRecord<>(
              "send.requests",
              partition,
              i,
              System.currentTimeMillis(),
              TimestampType.CREATE_TIME,
              -1,
              -1,
              r.key(),
              r.value(),
              r.headers(),
              Optional.empty()));
    }
    String inserted =
        TestDatabase.queryString(
            "sending",
            "WITH ins AS (INSERT INTO intake_spill (tenant_id, record_count, records)"
                + " VALUES (?, ?, ?) RETURNING 1) SELECT count(*) FROM ins",
            tenant,
            PARKED,
            SpilledRecords.pack(records));
    assertThat(inserted).isEqualTo("1");
  }

  private static long parkedRows(String tenant) {
    return Long.parseLong(
        TestDatabase.queryString(
            "sending", "SELECT count(*) FROM intake_spill WHERE tenant_id = ?", tenant));
  }

  private static long stored(String tenant) {
    return Long.parseLong(
        TestDatabase.queryString(
            "sending", "SELECT count(*) FROM message WHERE tenant_id = ?", tenant));
  }
}
