package io.isolane.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.Suppression;
import io.isolane.contracts.events.SuppressionReason;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.TestDatabase;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FeedbackTestResources.class)
class SuppressionTest {
  private static final EmailEvent.Bounce HARD =
      new EmailEvent.Bounce("permanent", "NoEmail", "550 5.1.1 user unknown", "userunknown");
  private static final EmailEvent.Bounce SOFT =
      new EmailEvent.Bounce("transient", "MailboxFull", "452 4.2.2 mailbox full", "mailboxfull");

  private TopicWatcher<Suppression> suppressions;

  @BeforeEach
  void watch() {
    suppressions = ContractKafka.watch(EventTypes.SUPPRESSION);
  }

  @AfterEach
  void close() {
    suppressions.close();
  }

  @Test
  void hardBounceSuppressesTheRecipientForThatTenantOnly() {
    String tenant = SampleEvents.newTenantId();
    String other = SampleEvents.newTenantId();

    ContractKafka.publish(
        SampleEvents.emailEvent(tenant, EmailEventType.BOUNCED, "Gone@Example.org", HARD));

    ContractEvent<Suppression> event = suppressions.await(e -> e.subject().equals(tenant));
    assertThat(event.key()).isEqualTo(tenant + "/gone@example.org");
    assertThat(event.data().address()).isEqualTo("gone@example.org");
    assertThat(event.data().reason()).isEqualTo(SuppressionReason.HARD_BOUNCE);
    assertThat(event.data().suppressed()).isTrue();
    assertThat(count(tenant)).isEqualTo("1");
    assertThat(count(other)).isEqualTo("0");
  }

  @Test
  void complaintAndUnsubscribeSuppressButASoftBounceDoesNot() {
    String tenant = SampleEvents.newTenantId();
    ContractKafka.publish(
        SampleEvents.emailEvent(tenant, EmailEventType.BOUNCED, "full@example.org", SOFT));
    ContractKafka.publish(
        SampleEvents.emailEvent(tenant, EmailEventType.DELIVERED, "fine@example.org", null));
    ContractKafka.publish(
        SampleEvents.emailEvent(tenant, EmailEventType.COMPLAINED, "angry@example.org", null));
    ContractKafka.publish(
        SampleEvents.emailEvent(tenant, EmailEventType.UNSUBSCRIBED, "bye@example.org", null));

    // one consumer, one partition per tenant: by the time "bye" is out, all four were handled
    assertThat(
            suppressions.await(e -> e.data().address().equals("bye@example.org")).data().reason())
        .isEqualTo(SuppressionReason.UNSUBSCRIBE);
    assertThat(
            suppressions.await(e -> e.data().address().equals("angry@example.org")).data().reason())
        .isEqualTo(SuppressionReason.COMPLAINT);
    assertThat(count(tenant)).isEqualTo("2");
  }

  @Test
  void softBouncesInARowSuppressForAWhileButADeliveryEndsTheStreak() {
    String tenant = SampleEvents.newTenantId();
    for (String event : new String[] {"soft", "soft", "delivered", "soft", "soft"}) {
      ContractKafka.publish(
          event.equals("soft")
              ? SampleEvents.emailEvent(tenant, EmailEventType.BOUNCED, "streak@example.org", SOFT)
              : SampleEvents.emailEvent(
                  tenant, EmailEventType.DELIVERED, "streak@example.org", null));
    }
    for (int i = 0; i < 3; i++) {
      ContractKafka.publish(
          SampleEvents.emailEvent(tenant, EmailEventType.BOUNCED, "full@example.org", SOFT));
    }

    Suppression full =
        suppressions.await(e -> e.data().address().equals("full@example.org")).data();
    assertThat(full.reason()).isEqualTo(SuppressionReason.SOFT_BOUNCE);
    assertThat(full.expiresAt())
        .isBetween(Instant.now().plus(Duration.ofDays(6)), Instant.now().plus(Duration.ofDays(7)));
    // one partition per tenant, in order: "streak" was handled before "full" was suppressed
    assertThat(count(tenant)).isEqualTo("1");
    assertThat(
            TestDatabase.queryString(
                "feedback",
                "SELECT consecutive FROM soft_bounce_streak WHERE tenant_id = ? AND address = ?",
                tenant,
                "streak@example.org"))
        .isEqualTo("2");
  }

  @Test
  void redeliveredEventIsHandledOnce() {
    String tenant = SampleEvents.newTenantId();
    ContractEvent<EmailEvent> bounce =
        SampleEvents.emailEvent(tenant, EmailEventType.BOUNCED, "twice@example.org", HARD);
    ContractKafka.publish(bounce);
    ContractKafka.publish(bounce);
    ContractKafka.publish(
        SampleEvents.emailEvent(tenant, EmailEventType.COMPLAINED, "last@example.org", null));

    suppressions.await(e -> e.data().address().equals("last@example.org"));
    long forTwice =
        suppressions.seen().stream()
            .map(r -> EventCodec.decode(EventTypes.SUPPRESSION, r).data())
            .filter(s -> s.address().equals("twice@example.org"))
            .count();
    assertThat(forTwice).isEqualTo(1);
    assertThat(
            TestDatabase.queryString(
                "feedback", "SELECT count(*) FROM processed_event WHERE event_id = ?", bounce.id()))
        .isEqualTo("1");
  }

  @Test
  void invalidEventGoesToTheDeadLetterTopicAndItsNeighboursAreStillHandled() {
    String tenant = SampleEvents.newTenantId();
    try (TopicWatcher<?> dead = ContractKafka.watchRaw("dlq.feedback-service")) {
      ContractKafka.publish(
          SampleEvents.emailEvent(tenant, EmailEventType.BOUNCED, "before@example.org", HARD));
      ContractKafka.publishRaw(
          "email.events", tenant, new RecordHeaders(), "{".getBytes(StandardCharsets.UTF_8));
      ContractKafka.publish(
          SampleEvents.emailEvent(tenant, EmailEventType.COMPLAINED, "after@example.org", null));

      assertThat(dead.awaitDeadLetterReason(tenant)).contains("missing header");
      var record = dead.awaitRecord(r -> tenant.equals(r.key()));
      assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{");
      assertThat(
              new String(
                  record.headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8))
          .isEqualTo("email.events");
      suppressions.await(e -> e.data().address().equals("before@example.org"));
      suppressions.await(e -> e.data().address().equals("after@example.org"));
      assertThat(count(tenant)).isEqualTo("2");
    }
  }

  private static String count(String tenant) {
    return TestDatabase.queryString(
        "feedback", "SELECT count(*) FROM suppression WHERE tenant_id = ?", tenant);
  }
}
