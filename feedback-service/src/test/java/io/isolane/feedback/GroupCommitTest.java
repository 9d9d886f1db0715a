package io.isolane.feedback;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.Suppression;
import io.isolane.contracts.events.SuppressionReason;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.TestDatabase;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Notifications arriving together are committed together: every one is answered after its own
 * commit, each SNS message id is published once even when SNS delivers it twice at the same moment,
 * and the batch's hard bounces are suppressed like single ones.
 */
@QuarkusTest
@WithTestResource(FeedbackTestResources.class)
class GroupCommitTest {
  private static final String TOPIC = SignedSns.topicArn(FeedbackTestResources.TOPIC);
  private static final int DISTINCT = 60;

  @Test
  void concurrentDeliveriesOfTheSameMessagesArePublishedOnceEach() throws Exception {
    ApiTenants t = ApiTenants.provision();
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < DISTINCT; i++) {
      String message =
          i % 3 == 0
              ? SignedSns.bounce(t.id(), "gone" + i + "@example.org")
              : SignedSns.delivery(t.id(), "ok" + i + "@example.org");
      bodies.add(SignedSns.notification(TOPIC, message, Instant.now(), "2").toString());
    }
    List<String> twice = new ArrayList<>(bodies);
    twice.addAll(bodies);
    Collections.shuffle(twice, new Random(7));

    try (TopicWatcher<EmailEvent> events = ContractKafka.watch(EventTypes.EMAIL_EVENT);
        TopicWatcher<Suppression> suppressions = ContractKafka.watch(EventTypes.SUPPRESSION)) {
      Map<String, List<String>> answers = postAllAtOnce(twice);

      for (String body : bodies) {
        assertThat(answers.get(body)).containsExactlyInAnyOrder("published 1", "duplicate");
      }
      assertThat(
              TestDatabase.queryString(
                  "feedback",
                  "SELECT count(*) FROM processed_event WHERE tenant_id = ? AND event_id LIKE 'sns:%'",
                  t.id()))
          .isEqualTo(String.valueOf(DISTINCT));
      events.await(
          e -> e.subject().equals(t.id()) && "ok59@example.org".equals(e.data().recipient()));
      suppressions.await(
          e -> e.subject().equals(t.id()) && "gone57@example.org".equals(e.data().address()));
      // the records of the last ones are in: nothing published twice, nothing missing
      assertThat(recipientsOf(events, t.id())).hasSize(DISTINCT).doesNotHaveDuplicates();
      assertThat(addressesOf(suppressions, t.id())).hasSize(DISTINCT / 3).doesNotHaveDuplicates();
    }
    assertThat(
            TestDatabase.queryString(
                "feedback",
                "SELECT count(*) FROM suppression WHERE tenant_id = ? AND reason = 'HARD_BOUNCE'"
                    + " AND expires_at IS NULL",
                t.id()))
        .isEqualTo(String.valueOf(DISTINCT / 3));
  }

  @Test
  void aHardBounceMakesATemporarySuppressionLastingAndLeavesALastingOneAlone() {
    ApiTenants t = ApiTenants.provision();
    try (TopicWatcher<Suppression> suppressions = ContractKafka.watch(EventTypes.SUPPRESSION)) {
      t.api()
          .contentType("application/json")
          .body(
              Map.of(
                  "address", "soft@example.org",
                  "reason", "soft_bounce",
                  "expiresAt", "2030-01-01T00:00:00Z"))
          .post("/v1/suppressions")
          .then()
          .statusCode(201);

      post(SignedSns.bounce(t.id(), "Soft@Example.org"));
      Suppression lasting =
          suppressions
              .await(
                  e ->
                      e.subject().equals(t.id())
                          && e.data().address().equals("soft@example.org")
                          && e.data().reason() == SuppressionReason.HARD_BOUNCE)
              .data();
      assertThat(lasting.expiresAt()).isNull();
      t.api()
          .get("/v1/suppressions/soft@example.org")
          .then()
          .statusCode(200)
          .body("reason", equalTo("hard_bounce"))
          .body("expiresAt", nullValue());

      // a second hard bounce finds it lasting already: no new announcement
      post(SignedSns.bounce(t.id(), "soft@example.org"));
      post(SignedSns.bounce(t.id(), "later@example.org"));
      suppressions.await(
          e -> e.subject().equals(t.id()) && e.data().address().equals("later@example.org"));
      assertThat(announcedOf(suppressions, t.id()))
          .containsExactlyInAnyOrder(
              "soft@example.org SOFT_BOUNCE",
              "soft@example.org HARD_BOUNCE",
              "later@example.org HARD_BOUNCE");
    }
  }

  private static void post(String message) {
    given()
        .contentType("text/plain")
        .body(SignedSns.notification(TOPIC, message, Instant.now(), "2").toString())
        .post("/sns/ses")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.startsWith("published"));
  }

  private static Map<String, List<String>> postAllAtOnce(List<String> bodies) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<CompletableFuture<String>> answers =
          bodies.stream()
              .map(
                  body ->
                      CompletableFuture.supplyAsync(
                          () ->
                              given()
                                  .contentType("text/plain")
                                  .body(body)
                                  .post("/sns/ses")
                                  .then()
                                  .statusCode(200)
                                  .extract()
                                  .asString(),
                          pool))
              .toList();
      Map<String, List<String>> byBody = new HashMap<>();
      IntStream.range(0, bodies.size())
          .forEach(
              i ->
                  byBody
                      .computeIfAbsent(bodies.get(i), k -> new ArrayList<>())
                      .add(answers.get(i).join()));
      return byBody;
    } finally {
      pool.shutdown();
      pool.awaitTermination(30, TimeUnit.SECONDS);
    }
  }

  private static List<String> recipientsOf(TopicWatcher<EmailEvent> events, String tenant) {
    return events.seen().stream()
        .filter(r -> tenant.equals(r.key()))
        .map(r -> EventCodec.decode(EventTypes.EMAIL_EVENT, r))
        .filter(
            e ->
                e.data().type() == EmailEventType.DELIVERED
                    || e.data().type() == EmailEventType.BOUNCED)
        .map(e -> e.data().recipient())
        .toList();
  }

  private static List<String> announcedOf(TopicWatcher<Suppression> suppressions, String tenant) {
    return suppressions.seen().stream()
        .map(r -> EventCodec.decode(EventTypes.SUPPRESSION, r))
        .filter(e -> e.subject().equals(tenant))
        .map(e -> e.data().address() + " " + e.data().reason())
        .toList();
  }

  private static List<String> addressesOf(TopicWatcher<Suppression> suppressions, String tenant) {
    return suppressions.seen().stream()
        .map(r -> EventCodec.decode(EventTypes.SUPPRESSION, r))
        .filter(e -> e.subject().equals(tenant))
        .map(e -> e.data().address())
        .toList();
  }
}
