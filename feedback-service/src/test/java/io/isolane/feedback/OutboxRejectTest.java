package io.isolane.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.contracts.ContractJson;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.kafka.CloudEventHeaders;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.TestDatabase;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * An outbox row the service cannot publish (its payload breaks the contract: a producer bug) goes
 * to the dead-letter topic with the reason, and the events behind it are still published.
 */
@QuarkusTest
@WithTestResource(FeedbackTestResources.class)
class OutboxRejectTest {

  @Test
  void anUnpublishableEventIsDeadLetteredAndDoesNotHoldTheEventsBehindIt() throws Exception {
    String tenant = SampleEvents.newTenantId();
    try (TopicWatcher<EmailEvent> events = ContractKafka.watch(EventTypes.EMAIL_EVENT);
        var dlq = ContractKafka.watchRaw("dlq.feedback-service")) {
      String broken = insert(tenant, "ana_mail_example"); // a sanitised SES tag, no address
      String fine = insert(tenant, "ana@mail.example");

      EmailEvent published = events.await(e -> e.id().equals(fine)).data();
      assertThat(published.mailbox()).isEqualTo("ana@mail.example");
      assertThat(dlq.awaitDeadLetterReason(tenant))
          .contains("breaks its schema")
          .contains("mailbox");
      assertThat(events.seen()).noneMatch(r -> r.key().equals(tenant) && headerIs(r, broken));
      assertThat(
              TestDatabase.queryString(
                  "feedback",
                  "SELECT count(*) FROM outbox_event WHERE event_id IN (?, ?)",
                  broken,
                  fine))
          .isEqualTo("0");
    }
  }

  private static boolean headerIs(ConsumerRecord<String, byte[]> r, String eventId) {
    Header id = r.headers().lastHeader(CloudEventHeaders.ID);
    return id != null && new String(id.value(), StandardCharsets.UTF_8).equals(eventId);
  }

  /** Writes an email event straight into the outbox, as a buggy producer would; its id. */
  private static String insert(String tenant, String mailbox) throws Exception {
    String id = UUID.randomUUID().toString();
    EmailEvent event =
        new EmailEvent(
            "m-" + id,
            tenant,
            EmailEventType.DELIVERED,
            mailbox,
            null,
            "bob@example.org",
            Instant.now(),
            null,
            null,
            null,
            null,
            Map.of());
    return TestDatabase.queryString(
        "feedback",
        "INSERT INTO outbox_event (event_id, ce_type, source, tenant_id, event_time, payload)"
            + " VALUES (?, ?, '/test', ?, now(), ?) RETURNING event_id",
        id,
        EventTypes.EMAIL_EVENT.ceType(),
        tenant,
        ContractJson.mapper().writeValueAsString(event));
  }
}
