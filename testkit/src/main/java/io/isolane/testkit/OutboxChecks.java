package io.isolane.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.ContractJson;
import io.isolane.contracts.events.TenantEvent;
import io.isolane.contracts.kafka.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Checks of the service-kit outbox relay inside a running service, shared by every service. */
public final class OutboxChecks {
  private OutboxChecks() {}

  /**
   * Writes into the service's outbox a row the relay can never publish (a type no contract knows: a
   * producer bug), then {@code next}. Asserts the first is dead-lettered on {@code deadLetterTopic}
   * with its reason, {@code next} is still published behind it, and both rows leave the outbox.
   */
  public static <T extends TenantEvent> void unpublishableRowIsDeadLettered(
      String database, String deadLetterTopic, ContractEvent<T> next) {
    String tenant = next.subject();
    String broken = UUID.randomUUID().toString();
    try (TopicWatcher<T> events = ContractKafka.watch(next.type());
        TopicWatcher<TenantEvent> deadLetters = ContractKafka.watchRaw(deadLetterTopic)) {
      insert(database, broken, "io.isolane.test.no-such-event.v1", tenant, "{}");
      insert(database, next.id(), next.type().ceType(), tenant, json(next.data()));

      assertThat(events.await(e -> e.id().equals(next.id())).data()).isEqualTo(next.data());
      assertThat(deadLetters.awaitDeadLetterReason(tenant))
          .contains("unknown outbox type io.isolane.test.no-such-event.v1");
      assertThat(
              TestDatabase.queryString(
                  database,
                  "SELECT count(*) FROM outbox_event WHERE event_id IN (?, ?)",
                  broken,
                  next.id()))
          .isEqualTo("0");
    }
  }

  /**
   * Writes {@code n} copies of {@code event} (each with an event id of its own) into the service's
   * outbox in one statement, more than one relay batch can hand to an emitter whose Kafka sink asks
   * for few at a time (run the service with a low {@code max-inflight-messages} on that channel).
   * Asserts every one is published within a minute and the relay's runs succeed: the outbox is left
   * without them (a failing run rolls its batch back, to be published again).
   */
  public static <T extends TenantEvent> void largeBatchesArePublished(
      String database, ContractEvent<T> event, int n) {
    String prefix = UUID.randomUUID().toString();
    try (TopicWatcher<T> events = ContractKafka.watch(event.type())) {
      TestDatabase.queryString(
          database,
          "WITH i AS (INSERT INTO outbox_event (event_id, ce_type, source, tenant_id, event_time,"
              + " payload) SELECT ? || '-' || g, ?, ?, ?, now(), ? FROM generate_series(1, ?) g"
              + " RETURNING 1) SELECT count(*) FROM i",
          prefix,
          event.type().ceType(),
          SampleEvents.SOURCE,
          event.subject(),
          json(event.data()),
          n);
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      long published = 0;
      while (published < n && System.nanoTime() < deadline) {
        // distinct: a republished batch (after a failed run) must not count twice
        published =
            events.seen().stream()
                .map(OutboxChecks::idOf)
                .filter(id -> id.startsWith(prefix))
                .distinct()
                .count();
      }
      assertThat(published).as("events of the batch published").isEqualTo(n);
      // the last batch's rows leave once its acknowledgements are in
      TestDatabase.awaitValue(
          "0",
          Duration.ofSeconds(20),
          database,
          "SELECT count(*) FROM outbox_event WHERE event_id LIKE ?",
          prefix + "%");
    }
  }

  private static String idOf(ConsumerRecord<String, byte[]> record) {
    Header id = record.headers().lastHeader(CloudEventHeaders.ID);
    return id == null ? "" : new String(id.value(), StandardCharsets.UTF_8);
  }

  private static void insert(
      String database, String id, String ceType, String tenant, String payload) {
    TestDatabase.queryString(
        database,
        "INSERT INTO outbox_event (event_id, ce_type, source, tenant_id, event_time, payload)"
            + " VALUES (?, ?, ?, ?, now(), ?) RETURNING event_id",
        id,
        ceType,
        SampleEvents.SOURCE,
        tenant,
        payload);
  }

  private static String json(Object data) {
    try {
      return ContractJson.mapper().writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
