package io.isolane.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.ContractJson;
import io.isolane.contracts.events.TenantEvent;
import io.isolane.contracts.kafka.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Checks of the service-kit outbox relay inside a running service, shared by every service. */
public final class OutboxChecks {
  private static final String OLDEST = "isolane_outbox_oldest_seconds";

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

  /**
   * Writes {@code event} into the service's outbox and holds its row locked, which the relay skips
   * while it publishes everything else. Asserts the gauge {@code isolane.outbox.oldest.seconds}
   * climbs past 2 s (run the service with a short {@code lag-interval}), then, once the lock is
   * released, that the event is published and the gauge falls back.
   */
  public static <T extends TenantEvent> void anEventHeldFromTheRelayShowsItsAge(
      String database, ContractEvent<T> event) throws SQLException, InterruptedException {
    try (TopicWatcher<T> events = ContractKafka.watch(event.type());
        Connection holder = TestDatabase.connect(database)) {
      holder.setAutoCommit(false);
      String held = holdRow(database, holder, event);
      ServiceMetrics.awaitSum(OLDEST, "over 2 s", s -> s > 2, Duration.ofSeconds(20));
      holder.rollback();
      assertThat(events.await(e -> e.id().equals(held)).data()).isEqualTo(event.data());
      ServiceMetrics.awaitSum(OLDEST, "under 1 s", s -> s < 1, Duration.ofSeconds(20));
    }
  }

  /**
   * Inserts the event (committed) and locks its row in {@code holder}'s transaction. The relay may
   * publish a row in between; then this tries again under a new event id. Returns the held id.
   */
  private static String holdRow(String database, Connection holder, ContractEvent<?> event)
      throws SQLException {
    for (int attempt = 1; attempt <= 20; attempt++) {
      String id = event.id() + "-" + attempt;
      insert(database, id, event.type().ceType(), event.subject(), json(event.data()));
      try (PreparedStatement lock =
          holder.prepareStatement("SELECT seq FROM outbox_event WHERE event_id = ? FOR UPDATE")) {
        lock.setString(1, id);
        if (lock.executeQuery().next()) {
          return id;
        }
      }
    }
    throw new IllegalStateException("the relay published every row before it could be held");
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
