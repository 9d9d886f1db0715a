package io.isolane.sending.client;

import static io.isolane.sending.client.ApiCalls.as;
import static io.isolane.sending.client.ApiCalls.message;
import static io.isolane.sending.client.ApiCalls.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.sending.SendingTestResources;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of POST /v1/messages answers problem+json naming the rejected field. */
@QuarkusTest
@WithTestResource(SendingTestResources.class)
class MessageValidationTest {
  private static ApiTenants.Tenant tenant;

  /**
   * A rejected message.
   *
   * @param name what is wrong
   * @param change how a valid message is broken
   * @param status expected HTTP status
   * @param field expected field
   */
  record Case(String name, Consumer<Map<String, Object>> change, int status, String field) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    String past = Instant.now().minusSeconds(60).toString();
    String soon = Instant.now().plusSeconds(600).toString();
    String later = Instant.now().plusSeconds(3600).toString();
    return Stream.of(
        new Case("no mailbox", m -> m.remove("mailbox"), 400, "mailbox"),
        new Case("mailbox not an address", m -> m.put("mailbox", "ana"), 400, "mailbox"),
        new Case(
            "not the tenant's mailbox", m -> m.put("mailbox", "zed@x.example"), 422, "mailbox"),
        new Case(
            "mailbox on a domain not ready",
            m -> m.put("mailbox", tenant.coldMailbox()),
            422,
            "mailbox"),
        new Case("no stream", m -> m.remove("stream"), 400, "stream"),
        new Case("unknown stream", m -> m.put("stream", "bulk"), 400, "stream"),
        new Case("no recipient", m -> m.put("to", List.of()), 400, "to"),
        new Case(
            "bad to", m -> m.put("to", List.of("a@example.org", "b@@example.org")), 400, "to[1]"),
        new Case("bad cc", m -> m.put("cc", List.of("a b@example.org")), 400, "cc[0]"),
        new Case("bad bcc", m -> m.put("bcc", List.of("x@localhost")), 400, "bcc[0]"),
        new Case(
            "bad replyTo", m -> m.put("replyTo", List.of("<x@example.org>")), 400, "replyTo[0]"),
        new Case(
            "51 recipients",
            m -> {
              m.put("stream", "transactional");
              m.put("to", addresses(30));
              m.put("cc", addresses(21));
            },
            400,
            "to"),
        new Case(
            "marketing to two recipients",
            m -> {
              m.put("stream", "marketing");
              m.put("cc", List.of("second@example.org"));
            },
            400,
            "to"),
        new Case(
            "subject with a line break",
            m -> m.put("subject", "Hi\r\nBcc: x@example.org"),
            400,
            "subject"),
        new Case("subject too long", m -> m.put("subject", "s".repeat(999)), 400, "subject"),
        new Case("content without subject", m -> m.remove("subject"), 400, "subject"),
        new Case(
            "content and template",
            m -> m.put("template", Map.of("name", "welcome")),
            400,
            "content"),
        new Case("neither content nor template", m -> m.remove("content"), 400, "content"),
        new Case("empty content", m -> m.put("content", Map.of()), 400, "content"),
        new Case(
            "template without name",
            m -> {
              m.remove("content");
              m.put("template", Map.of("data", Map.of()));
            },
            400,
            "template.name"),
        new Case(
            "content too large",
            m -> m.put("content", Map.of("html", "x".repeat(716_801))),
            400,
            "content"),
        new Case(
            "header injection",
            m -> m.put("headers", Map.of("X-Note", "a\r\nBcc: evil@example.org")),
            400,
            "headers.X-Note"),
        new Case(
            "reserved From",
            m -> m.put("headers", Map.of("From", "ceo@example.org")),
            400,
            "headers.From"),
        new Case(
            "reserved List-Unsubscribe",
            m -> m.put("headers", Map.of("list-unsubscribe", "<https://x>")),
            400,
            "headers.list-unsubscribe"),
        new Case(
            "bad header name", m -> m.put("headers", Map.of("X Bad", "v")), 400, "headers.X Bad"),
        new Case("too many tags", m -> m.put("tags", tags(21)), 400, "tags"),
        new Case("notBefore not a time", m -> m.put("notBefore", "tomorrow"), 400, "notBefore"),
        new Case("expiresAt in the past", m -> m.put("expiresAt", past), 422, "expiresAt"),
        new Case(
            "expiresAt before notBefore",
            m -> {
              m.put("notBefore", later);
              m.put("expiresAt", soon);
            },
            422,
            "expiresAt"),
        new Case("tenantId in the body", m -> m.put("tenantId", "someone-else"), 400, "tenantId"),
        new Case("messageId in the body", m -> m.put("messageId", "mine"), 400, "messageId"),
        new Case("unknown field", m -> m.put("colour", "red"), 400, "colour"),
        new Case("to not a list", m -> m.put("to", 42), 400, "to"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aBrokenMessageIsRefusedNamingTheField(Case c) {
    Map<String, Object> body = message(tenant(), "invalid");
    c.change().accept(body);

    post(tenant().key(), body)
        .statusCode(c.status())
        .contentType("application/problem+json")
        .body("status", equalTo(c.status()))
        .body("errors.field", hasItem(c.field()));
  }

  @Test
  void aBatchIsAllOrNothingAndNamesTheMessage() {
    TopicWatcher<SendRequest> requests = ContractKafka.watch(EventTypes.SEND_REQUEST);
    try {
      Map<String, Object> bad = message(tenant(), "bad");
      bad.put("to", List.of("nobody"));
      post(tenant().key(), Map.of("messages", List.of(message(tenant(), "ok"), bad)))
          .statusCode(400)
          .body("errors.field", equalTo(List.of("messages[1].to[0]")));
      post(tenant().key(), Map.of("messages", List.of()))
          .statusCode(400)
          .body("errors.field", hasItem("messages"));
      List<Map<String, Object>> tooMany =
          new ArrayList<>(Collections.nCopies(501, message(tenant(), "many")));
      post(tenant().key(), Map.of("messages", tooMany))
          .statusCode(400)
          .body("errors.field", hasItem("messages"));

      // the tenant's next request is produced after anything the refused ones could have produced
      String next = ApiCalls.send(tenant(), message(tenant(), "next"));
      requests.await(e -> e.data().messageId().equals(next));
      assertThat(requests.seen())
          .map(r -> EventCodec.decode(EventTypes.SEND_REQUEST, r).data())
          .filteredOn(r -> r.tenantId().equals(tenant().id()))
          .extracting(SendRequest::messageId)
          .containsExactly(next);
    } finally {
      requests.close();
    }
  }

  @Test
  void aBodyThatIsNotJsonOrTooLargeIsRefused() {
    as(tenant().key())
        .contentType(ContentType.JSON)
        .body("{\"to\": [")
        .post("/v1/messages")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("body"));
    as(tenant().key())
        .contentType(ContentType.JSON)
        .body("[]")
        .post("/v1/messages")
        .then()
        .statusCode(400);
    String huge = "{\"subject\":\"" + "x".repeat(5 * 1024 * 1024 + 1) + "\"}";
    as(tenant().key())
        .contentType(ContentType.JSON)
        .body(huge)
        .post("/v1/messages")
        .then()
        .statusCode(413)
        .contentType("application/problem+json");
  }

  @Test
  void aBadIdempotencyKeyIsRefused() {
    post(tenant().key(), "k".repeat(256), message(tenant(), "key"))
        .statusCode(400)
        .body("errors[0].field", equalTo("Idempotency-Key"));
  }

  private static synchronized ApiTenants.Tenant tenant() {
    if (tenant == null) {
      tenant = ApiTenants.provision(50, 10_000);
    }
    return tenant;
  }

  private static List<String> addresses(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("r" + i + "@example.org");
    }
    return out;
  }

  private static Map<String, String> tags(int n) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < n; i++) {
      out.put("t" + i, "v");
    }
    return out;
  }
}
