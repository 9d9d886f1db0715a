package io.isolane.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.Suppression;
import io.isolane.contracts.events.SuppressionReason;
import io.isolane.contracts.events.SuppressionRequest;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.TestDatabase;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** reply-classifier's suppression.requests are applied like the service's own suppressions. */
@QuarkusTest
@WithTestResource(FeedbackTestResources.class)
class SuppressionRequestTest {

  @Test
  void anUnsubscribeReplySuppressesTheSenderForThatTenantOnceWhateverTheRedeliveries() {
    String tenant = SampleEvents.newTenantId();
    String other = SampleEvents.newTenantId();
    ContractEvent<SuppressionRequest> request = request(tenant, "Leaver@Example.org");
    try (TopicWatcher<Suppression> suppressions = ContractKafka.watch(EventTypes.SUPPRESSION)) {
      ContractKafka.publish(request);
      ContractKafka.publish(request);

      ContractEvent<Suppression> event = suppressions.await(e -> e.subject().equals(tenant));
      assertThat(event.key()).isEqualTo(tenant + "/leaver@example.org");
      assertThat(event.data().reason()).isEqualTo(SuppressionReason.UNSUBSCRIBE);
      assertThat(event.data().sourceEventId()).isEqualTo(request.id());
      // a later event of the tenant proves both copies were handled; only one suppression came out
      ContractKafka.publish(request(tenant, "marker@example.org"));
      suppressions.await(e -> e.data().address().equals("marker@example.org"));
      assertThat(
              suppressions.seen().stream()
                  .filter(r -> r.key().equals(tenant + "/leaver@example.org"))
                  .count())
          .isEqualTo(1);
    }
    assertThat(count(tenant)).isEqualTo("2");
    assertThat(count(other)).isEqualTo("0");
  }

  @Test
  void anInvalidRequestIsDeadLetteredWithTheReason() {
    String tenant = SampleEvents.newTenantId();
    ProducerRecord<String, byte[]> valid = EventCodec.toRecord(request(tenant, "x@example.org"));
    byte[] noAddress =
        new String(valid.value(), StandardCharsets.UTF_8)
            .replace("\"address\":\"x@example.org\"", "\"address\":\"x\"")
            .getBytes(StandardCharsets.UTF_8);
    try (var dlq = ContractKafka.watchRaw("dlq.feedback-service")) {
      ContractKafka.publishRaw("suppression.requests", tenant, valid.headers(), noAddress);

      assertThat(dlq.awaitDeadLetterReason(tenant)).contains("$.address");
    }
  }

  private static ContractEvent<SuppressionRequest> request(String tenant, String address) {
    return ContractEvent.of(
        EventTypes.SUPPRESSION_REQUEST,
        "/isolane/reply-classifier",
        new SuppressionRequest(
            UUID.randomUUID().toString(),
            tenant,
            address,
            SuppressionReason.UNSUBSCRIBE,
            "reply-" + UUID.randomUUID(),
            "reply-classifier",
            "\"please remove me\"",
            Instant.now(),
            null));
  }

  private static String count(String tenant) {
    return TestDatabase.queryString(
        "feedback", "SELECT count(*) FROM suppression WHERE tenant_id = ?", tenant);
  }
}
