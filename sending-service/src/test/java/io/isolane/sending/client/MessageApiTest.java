package io.isolane.sending.client;

import static io.isolane.sending.client.ApiCalls.awaitSent;
import static io.isolane.sending.client.ApiCalls.message;
import static io.isolane.sending.client.ApiCalls.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.events.Stream;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.sending.SendingTestResources;
import io.isolane.sessimulator.state.SentMessage;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SesSimulatorResource;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST and GET /v1/messages end to end: HTTP, send.requests, the ledger and the SES simulator. */
@QuarkusTest
@WithTestResource(SendingTestResources.class)
class MessageApiTest {
  private TopicWatcher<SendRequest> requests;

  @BeforeEach
  void watch() {
    SesSimulatorResource.simulator().setSendingQuota(1_000, 10_000_000);
    requests = ContractKafka.watch(EventTypes.SEND_REQUEST);
  }

  @AfterEach
  void close() {
    requests.close();
  }

  @Test
  void aMessageIsProducedForTheKeysTenantSentAndItsHistoryShown() {
    ApiTenants.Tenant tenant = ApiTenants.provision(50, 10_000);
    Map<String, Object> body = message(tenant, "single");
    body.put("stream", "transactional");

    ExtractableResponse<Response> answer = post(tenant.key(), body).statusCode(202).extract();
    String id = answer.path("messageId");
    assertThat((String) answer.path("status")).isEqualTo("submitted");
    assertThat(answer.header("Location")).endsWith("/v1/messages/" + id);

    ContractEvent<SendRequest> produced = requests.await(e -> e.data().messageId().equals(id));
    assertThat(produced.key()).isEqualTo(tenant.id());
    assertThat(produced.source()).isEqualTo("/isolane/sending-service");
    assertThat(produced.data().tenantId()).isEqualTo(tenant.id());
    assertThat(produced.data().stream()).isEqualTo(Stream.TRANSACTIONAL);
    assertThat(produced.data().requestedAt()).isNotNull();

    SentMessage sent = awaitSent(tenant.id(), id);
    assertThat(sent.tenantName()).isEqualTo("isl-" + tenant.id());
    assertThat(sent.subject()).isEqualTo("Hello single");
    assertThat(sent.tags()).containsEntry("label", "single");

    ApiCalls.awaitStatus(tenant.key(), id, "sent");
    ExtractableResponse<Response> view = ApiCalls.get(tenant.key(), id).statusCode(200).extract();
    List<String> history = view.path("history.status");
    assertThat(history).containsSubsequence("submitted", "accepted", "sending", "sent");
    assertThat(history.get(0)).isEqualTo("submitted");
    assertThat(history.get(history.size() - 1)).isEqualTo("sent");
    assertThat((String) view.path("sesMessageId")).isEqualTo(sent.messageId());
    assertThat((String) view.path("history[-1].sesMessageId")).isEqualTo(sent.messageId());
    assertThat((String) view.path("mailbox")).isEqualTo(tenant.mailbox());
    assertThat((String) view.path("stream")).isEqualTo("transactional");
  }

  @Test
  void aBatchGetsAnIdPerMessageInOrderAndEveryMessageIsSent() {
    ApiTenants.Tenant tenant = ApiTenants.provision(50, 10_000);
    List<Map<String, Object>> batch =
        List.of(message(tenant, "b0"), message(tenant, "b1"), message(tenant, "b2"));

    List<String> ids =
        post(tenant.key(), Map.of("messages", batch))
            .statusCode(202)
            .body("messages", hasSize(3))
            .body("messages.status", equalTo(List.of("submitted", "submitted", "submitted")))
            .extract()
            .path("messages.messageId");

    assertThat(ids).doesNotHaveDuplicates();
    for (int i = 0; i < ids.size(); i++) {
      SentMessage sent = awaitSent(tenant.id(), ids.get(i));
      assertThat(sent.tags()).containsEntry("label", "b" + i);
      ApiCalls.awaitStatus(tenant.key(), ids.get(i), "sent");
    }
  }

  @Test
  void aRetryWithTheSameKeyReturnsTheSameIdAndSendsOnce() {
    ApiTenants.Tenant tenant = ApiTenants.provision(50, 10_000);
    Map<String, Object> body = message(tenant, "idem");
    String id = post(tenant.key(), "order-42", body).statusCode(202).extract().path("messageId");
    awaitSent(tenant.id(), id);

    // the same body with its fields in another order is the same request
    Map<String, Object> reordered = new TreeMap<>(body);
    ExtractableResponse<Response> retry =
        post(tenant.key(), "order-42", reordered).statusCode(202).extract();

    assertThat((String) retry.path("messageId")).isEqualTo(id);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    // sent by now: a replay reports the message's current status
    ApiCalls.awaitStatus(tenant.key(), id, "sent");
    assertThat((String) post(tenant.key(), "order-42", body).extract().path("status"))
        .isEqualTo("sent");
    // a later message of the tenant (same partition) is produced after anything of the retry
    String marker = ApiCalls.send(tenant, message(tenant, "marker"));
    requests.await(e -> e.data().messageId().equals(marker));
    long copies =
        requests.seen().stream()
            .map(r -> EventCodec.decode(EventTypes.SEND_REQUEST, r))
            .filter(e -> e.data().messageId().equals(id))
            .count();
    assertThat(copies).isEqualTo(1);
    awaitSent(tenant.id(), marker);
    assertThat(ApiCalls.sent(tenant.id(), id)).hasSize(1);
  }

  @Test
  void aBatchRetryReturnsTheSameIdsInOrder() {
    ApiTenants.Tenant tenant = ApiTenants.provision(50, 10_000);
    Map<String, Object> batch =
        Map.of("messages", List.of(message(tenant, "r0"), message(tenant, "r1")));
    List<String> first =
        post(tenant.key(), "batch-7", batch).statusCode(202).extract().path("messages.messageId");

    List<String> again =
        post(tenant.key(), "batch-7", batch)
            .statusCode(202)
            .header("Idempotent-Replayed", "true")
            .extract()
            .path("messages.messageId");

    assertThat(again).containsExactlyElementsOf(first);
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefused() {
    ApiTenants.Tenant tenant = ApiTenants.provision(50, 10_000);
    post(tenant.key(), "k-1", message(tenant, "first")).statusCode(202);

    post(tenant.key(), "k-1", message(tenant, "second"))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("Idempotency-Key"))
        .body("errors[0].message", equalTo("was already used for a different request"));
  }

  @Test
  void anUnknownMessageIsNotFound() {
    ApiTenants.Tenant tenant = ApiTenants.provision(50, 10_000);
    ApiCalls.get(tenant.key(), "no-such-id")
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
  }
}
