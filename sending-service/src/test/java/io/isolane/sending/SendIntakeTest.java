package io.isolane.sending;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.TestDatabase;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(SendingTestResources.class)
class SendIntakeTest {
  private TopicWatcher<EmailEvent> emailEvents;
  private TopicWatcher<?> deadLetters;

  @BeforeEach
  void watch() {
    emailEvents = ContractKafka.watch(EventTypes.EMAIL_EVENT);
    deadLetters = ContractKafka.watchRaw("dlq.sending-service");
  }

  @AfterEach
  void close() {
    emailEvents.close();
    deadLetters.close();
  }

  @Test
  void requestOfAKnownTenantIsAccepted() {
    String tenant = SampleEvents.newTenantId();
    ContractKafka.publish(SampleEvents.tenantState(tenant, TenantStatus.ACTIVE, 1));
    awaitLane(tenant, "ACTIVE");

    ContractKafka.publish(SampleEvents.sendRequest(tenant, "m-1"));

    ContractEvent<EmailEvent> accepted = awaitEvent(tenant, "m-1", EmailEventType.ACCEPTED);
    assertThat(accepted.key()).isEqualTo(tenant);
    assertThat(accepted.source()).isEqualTo("/isolane/sending-service");
    assertThat(accepted.data().mailbox()).isEqualTo("ana@mail." + tenant + ".example");
    assertThat(accepted.data().tags()).containsEntry("campaign", "test");
  }

  @Test
  void requestThatArrivesBeforeItsTenantIsAcceptedOnceTheTenantAppears() {
    String tenant = SampleEvents.newTenantId();
    ContractKafka.publish(SampleEvents.sendRequest(tenant, "early"));
    TestDatabase.awaitValue(
        "AWAITING_TENANT",
        Duration.ofSeconds(20),
        "sending",
        "SELECT status FROM message WHERE tenant_id = ? AND message_id = ?",
        tenant,
        "early");

    ContractKafka.publish(SampleEvents.tenantState(tenant, TenantStatus.ACTIVE, 1));

    awaitEvent(tenant, "early", EmailEventType.ACCEPTED);
  }

  @Test
  void requestOfATenantThatNeverAppearsFailsWithAReason() {
    String tenant = SampleEvents.newTenantId();
    ContractKafka.publish(SampleEvents.sendRequest(tenant, "orphan"));

    ContractEvent<EmailEvent> failed = awaitEvent(tenant, "orphan", EmailEventType.FAILED);
    assertThat(failed.data().reason()).isEqualTo("unknown tenant");
  }

  @Test
  void requestOfADeletedTenantFailsWithAReason() {
    String tenant = SampleEvents.newTenantId();
    ContractKafka.publish(SampleEvents.tenantState(tenant, TenantStatus.DELETED, 3));
    awaitLane(tenant, "DELETED");

    ContractKafka.publish(SampleEvents.sendRequest(tenant, "too-late"));

    assertThat(awaitEvent(tenant, "too-late", EmailEventType.FAILED).data().reason())
        .isEqualTo("tenant deleted");
  }

  @Test
  void redeliveredRequestIsAcceptedOnce() {
    String tenant = SampleEvents.newTenantId();
    ContractKafka.publish(SampleEvents.tenantState(tenant, TenantStatus.ACTIVE, 1));
    awaitLane(tenant, "ACTIVE");

    ContractKafka.publish(SampleEvents.sendRequest(tenant, "dup"));
    ContractKafka.publish(SampleEvents.sendRequest(tenant, "dup"));
    ContractKafka.publish(SampleEvents.sendRequest(tenant, "after-dup"));

    // same tenant, same partition, one consumer: "after-dup" is settled after both copies
    awaitEvent(tenant, "after-dup", EmailEventType.ACCEPTED);
    long accepted =
        emailEvents.seen().stream()
            .map(r -> EventCodec.decode(EventTypes.EMAIL_EVENT, r).data())
            .filter(e -> e.tenantId().equals(tenant) && e.messageId().equals("dup"))
            .filter(e -> e.type() == EmailEventType.ACCEPTED) // the scheduler then sends it
            .count();
    assertThat(accepted).isEqualTo(1);
  }

  @Test
  void olderTenantStateDoesNotOverrideANewerOne() {
    String tenant = SampleEvents.newTenantId();
    ContractKafka.publish(SampleEvents.tenantState(tenant, TenantStatus.SUSPENDED, 5));
    ContractKafka.publish(SampleEvents.tenantState(tenant, TenantStatus.ACTIVE, 4));
    ContractKafka.publish(SampleEvents.tenantState(tenant, TenantStatus.DELETED, 6));

    awaitLane(tenant, "DELETED");
    assertThat(
            TestDatabase.queryString(
                "sending", "SELECT state_version FROM tenant_lane WHERE tenant_id = ?", tenant))
        .isEqualTo("6");
  }

  @Test
  void ledgerKeepsTheBodyAsItArrivedAndReadableJsonInAnyEncodingJsonAllows() {
    String tenant = SampleEvents.newTenantId();
    ContractKafka.publish(SampleEvents.tenantState(tenant, TenantStatus.ACTIVE, 1));
    awaitLane(tenant, "ACTIVE");
    ProducerRecord<String, byte[]> plain =
        EventCodec.toRecord(SampleEvents.sendRequest(tenant, "utf8"));
    String body = new String(plain.value(), StandardCharsets.UTF_8);
    ProducerRecord<String, byte[]> utf16 =
        EventCodec.toRecord(SampleEvents.sendRequest(tenant, "utf16"));
    ProducerRecord<String, byte[]> bom =
        EventCodec.toRecord(SampleEvents.sendRequest(tenant, "bom"));

    ContractKafka.publishRaw("send.requests", tenant, plain.headers(), plain.value());
    ContractKafka.publishRaw(
        "send.requests",
        tenant,
        utf16.headers(),
        new String(utf16.value(), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16BE));
    ContractKafka.publishRaw(
        "send.requests",
        tenant,
        bom.headers(),
        ("\uFEFF" + new String(bom.value(), StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8));

    for (String id : new String[] {"utf8", "utf16", "bom"}) {
      awaitEvent(tenant, id, EmailEventType.ACCEPTED);
      assertThat(storedRequest(tenant, id, "request::jsonb->>'messageId'")).isEqualTo(id);
    }
    assertThat(storedRequest(tenant, "utf8", "request")).isEqualTo(body);
  }

  private static String storedRequest(String tenant, String messageId, String column) {
    return TestDatabase.queryString(
        "sending",
        "SELECT " + column + " FROM message WHERE tenant_id = ? AND message_id = ?",
        tenant,
        messageId);
  }

  @Test
  void invalidCommandGoesToTheDeadLetterTopicWithTheReason() {
    String tenant = SampleEvents.newTenantId();
    ProducerRecord<String, byte[]> valid =
        EventCodec.toRecord(SampleEvents.sendRequest(tenant, "bad"));
    byte[] noRecipients =
        new String(valid.value(), StandardCharsets.UTF_8)
            .replace("\"to\":[\"bob@example.org\"]", "\"to\":[]")
            .getBytes(StandardCharsets.UTF_8);

    ContractKafka.publishRaw("send.requests", tenant, valid.headers(), noRecipients);

    assertThat(deadLetters.awaitDeadLetterReason(tenant)).contains("$.to");
  }

  @Test
  void recordWithoutCloudEventsHeadersGoesToTheDeadLetterTopic() {
    String tenant = SampleEvents.newTenantId();
    ContractKafka.publishRaw(
        "send.requests",
        tenant,
        new org.apache.kafka.common.header.internals.RecordHeaders(),
        "{}".getBytes(StandardCharsets.UTF_8));

    assertThat(deadLetters.awaitDeadLetterReason(tenant)).contains("missing header ce_specversion");
  }

  private ContractEvent<EmailEvent> awaitEvent(
      String tenant, String messageId, EmailEventType type) {
    return emailEvents.await(
        e ->
            e.data().tenantId().equals(tenant)
                && e.data().messageId().equals(messageId)
                && e.data().type() == type);
  }

  private static void awaitLane(String tenant, String status) {
    TestDatabase.awaitValue(
        status,
        Duration.ofSeconds(20),
        "sending",
        "SELECT status FROM tenant_lane WHERE tenant_id = ?",
        tenant);
  }
}
