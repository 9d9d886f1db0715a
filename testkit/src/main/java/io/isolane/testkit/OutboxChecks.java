package io.isolane.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.ContractJson;
import io.isolane.contracts.events.TenantEvent;
import java.util.UUID;

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
