package io.isolane.sending.client;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.isolane.sessimulator.state.SentMessage;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The HTTP API as a client calls it, and what reached the SES simulator. */
final class ApiCalls {
  private ApiCalls() {}

  /** A valid marketing message from the tenant's mailbox to one simulator success address. */
  static Map<String, Object> message(ApiTenants.Tenant tenant, String label) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mailbox", tenant.mailbox());
    m.put("stream", "marketing");
    m.put("to", List.of("success+" + label + "@simulator.amazonses.com"));
    m.put("subject", "Hello " + label);
    m.put("content", Map.of("text", "Hi", "html", "<p>Hi</p>"));
    m.put("tags", Map.of("label", label));
    return m;
  }

  static RequestSpecification as(String key) {
    return given().header("Authorization", "Bearer " + key);
  }

  static ValidatableResponse post(String key, Object body) {
    return as(key).contentType(ContentType.JSON).body(body).post("/v1/messages").then();
  }

  static ValidatableResponse post(String key, String idempotencyKey, Object body) {
    return as(key)
        .header("Idempotency-Key", idempotencyKey)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/messages")
        .then();
  }

  static ValidatableResponse get(String key, String messageId) {
    return as(key).get("/v1/messages/" + messageId).then();
  }

  static ValidatableResponse cancel(String key, String messageId) {
    return as(key).delete("/v1/messages/" + messageId).then();
  }

  static ValidatableResponse queue(String key) {
    return as(key).get("/v1/queue").then();
  }

  /** Posts one message and returns its id. */
  static String send(ApiTenants.Tenant tenant, Map<String, Object> message) {
    return post(tenant.key(), message).statusCode(202).extract().path("messageId");
  }

  /** Waits until the message's status is {@code status}. */
  static void awaitStatus(String key, String messageId, String status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> status.equals(get(key, messageId).extract().path("status")));
  }

  /** What the simulator recorded for the message (by its isolane-message tag). */
  static List<SentMessage> sent(String tenantId, String messageId) {
    return SesTenants.sent(tenantId).stream()
        .filter(m -> messageId.equals(m.tags().get("isolane-message")))
        .toList();
  }

  static SentMessage awaitSent(String tenantId, String messageId) {
    await().atMost(Duration.ofSeconds(30)).until(() -> !sent(tenantId, messageId).isEmpty());
    return sent(tenantId, messageId).get(0);
  }
}
