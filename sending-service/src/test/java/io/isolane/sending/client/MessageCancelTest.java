package io.isolane.sending.client;

import static io.isolane.sending.client.ApiCalls.awaitSent;
import static io.isolane.sending.client.ApiCalls.cancel;
import static io.isolane.sending.client.ApiCalls.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.ContractJson;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.events.Stream;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.sending.SendingTestResources;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SesSimulatorResource;
import io.isolane.testkit.TestDatabase;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DELETE /v1/messages/{id}: a message not sent yet is cancelled and never sent; a sent one is not.
 */
@QuarkusTest
@WithTestResource(SendingTestResources.class)
class MessageCancelTest {
  private TopicWatcher<EmailEvent> events;

  @BeforeEach
  void watch() {
    SesSimulatorResource.simulator().setSendingQuota(1_000, 10_000_000);
    events = ContractKafka.watch(EventTypes.EMAIL_EVENT);
  }

  @AfterEach
  void close() {
    events.close();
  }

  @Test
  void aQueuedMessageIsCancelledWithItsEventAndNeverSent() {
    ApiTenants.Tenant tenant = ApiTenants.provision(50, 10_000);
    Instant notBefore = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
    Map<String, Object> body = message(tenant, "queued");
    body.put("notBefore", notBefore.toString());
    String id = ApiCalls.send(tenant, body);
    ApiCalls.awaitStatus(tenant.key(), id, "accepted");

    cancel(tenant.key(), id)
        .statusCode(200)
        .body("messageId", equalTo(id))
        .body("status", equalTo("cancelled"));

    ContractEvent<EmailEvent> cancelled = awaitEvent(tenant.id(), id, EmailEventType.CANCELLED);
    assertThat(cancelled.data().reason()).isEqualTo("cancelled by the client");
    ApiCalls.get(tenant.key(), id)
        .statusCode(200)
        .body("status", equalTo("cancelled"))
        .body("statusReason", equalTo("cancelled by the client"))
        .body("history.status", equalTo(List.of("submitted", "accepted", "cancelled")));
    cancel(tenant.key(), id).statusCode(200).body("status", equalTo("cancelled")); // again: same
    // once its notBefore passed, a later message goes out and the cancelled one does not
    await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(notBefore));
    String later = ApiCalls.send(tenant, message(tenant, "later"));
    awaitSent(tenant.id(), later);
    assertThat(ApiCalls.sent(tenant.id(), id)).isEmpty();
    assertThat(ledgerStatus(tenant.id(), id)).isEqualTo("CANCELLED");
  }

  @Test
  void aMessageStillOnItsWayToTheQueueIsCancelledAndDroppedWhenItArrives() {
    ApiTenants.Tenant tenant = ApiTenants.provision(50, 10_000);
    // the state the API leaves between the broker's ack and the consumer: submitted, not stored
    SendRequest request = request(tenant, UUID.randomUUID().toString());
    TestDatabase.queryString(
        "sending",
        "INSERT INTO api_submission (tenant_id, message_id, state, request, created_at,"
            + " submitted_at) VALUES (?, ?, 'SUBMITTED', ?, now(), now()) RETURNING message_id",
        tenant.id(),
        request.messageId(),
        json(request));
    String id = request.messageId();
    ApiCalls.get(tenant.key(), id)
        .statusCode(200)
        .body("status", equalTo("submitted"))
        .body("mailbox", equalTo(tenant.mailbox()));

    cancel(tenant.key(), id).statusCode(200).body("status", equalTo("cancelled"));
    // now the record arrives
    ContractKafka.publish(ContractEvent.of(EventTypes.SEND_REQUEST, "/test", request));

    String later = ApiCalls.send(tenant, message(tenant, "after-arrival"));
    awaitSent(tenant.id(), later); // same tenant, same partition: the record was consumed before
    assertThat(ApiCalls.sent(tenant.id(), id)).isEmpty();
    assertThat(ledgerStatus(tenant.id(), id)).isEqualTo("CANCELLED");
    awaitEvent(tenant.id(), id, EmailEventType.CANCELLED);
    // events of one tenant are published in order: an accepted event of id would precede this
    awaitEvent(tenant.id(), later, EmailEventType.SENT);
    assertThat(eventsOf(tenant.id(), id)).containsExactly(EmailEventType.CANCELLED);
    ApiCalls.get(tenant.key(), id)
        .body("history.status", equalTo(List.of("submitted", "cancelled")));
  }

  @Test
  void aSentMessageCannotBeCancelled() {
    ApiTenants.Tenant tenant = ApiTenants.provision(50, 10_000);
    String id = ApiCalls.send(tenant, message(tenant, "gone"));
    ApiCalls.awaitStatus(tenant.key(), id, "sent");

    cancel(tenant.key(), id)
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", equalTo("the message is sent and cannot be cancelled"));
    ApiCalls.get(tenant.key(), id).body("status", equalTo("sent"));
  }

  @Test
  void cancellingAnUnknownMessageIsNotFound() {
    ApiTenants.Tenant tenant = ApiTenants.provision(50, 10_000);
    cancel(tenant.key(), "nothing-here").statusCode(404).contentType("application/problem+json");
  }

  private ContractEvent<EmailEvent> awaitEvent(String tenant, String id, EmailEventType type) {
    return FlowChecks.awaitEvent(events, tenant, id, type);
  }

  private List<EmailEventType> eventsOf(String tenant, String id) {
    return events.seen().stream()
        .map(r -> EventCodec.decode(EventTypes.EMAIL_EVENT, r).data())
        .filter(e -> e.tenantId().equals(tenant) && e.messageId().equals(id))
        .map(EmailEvent::type)
        .toList();
  }

  private static String ledgerStatus(String tenant, String id) {
    return TestDatabase.queryString(
        "sending", "SELECT status FROM message WHERE tenant_id = ? AND message_id = ?", tenant, id);
  }

  private static SendRequest request(ApiTenants.Tenant tenant, String id) {
    return new SendRequest(
        id,
        tenant.id(),
        tenant.mailbox(),
        Stream.MARKETING,
        List.of("success+" + id + "@simulator.amazonses.com"),
        List.of(),
        List.of(),
        List.of(),
        "In flight",
        new SendRequest.Content("Hi", null),
        null,
        Map.of(),
        Map.of(),
        null,
        null,
        null,
        null,
        Instant.now());
  }

  private static String json(SendRequest request) {
    try {
      return ContractJson.mapper().writeValueAsString(request);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
