package io.isolane.warmup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.IsolationTier;
import io.isolane.contracts.events.MailboxLimits;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.IsolaneTestResource;
import io.isolane.testkit.PackagedApp;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.SesSimulatorResource;
import io.isolane.testkit.TestDatabase;
import io.isolane.testkit.TopicWatcher;
import io.isolane.testkit.client.SesTenantSetup;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * End to end: warmup-service (here, on the test clock) enrolls a new mailbox and publishes its
 * caps; sending-service (its packaged jar, a child process on the same broker, its own database)
 * takes more mail than that through its HTTP API; exactly the cap reaches the SES simulator each
 * warm-up day. sending-service runs on the real clock: the first day is today (the test clock
 * starts at 10:00 UTC of the real day), and warm-up's next day starts a new count there because a
 * cap's day is warm-up's once warm-up is on a later day.
 */
@QuarkusTest
@TestProfile(WarmupToSendingEndToEndTest.Unspaced.class)
@WithTestResource(WarmupTestResources.class)
class WarmupToSendingEndToEndTest {
  private static final Path SENDING_JAR =
      Path.of("../sending-service/target/quarkus-app/quarkus-run.jar");
  private static final int SUBMITTED = 50;

  @Inject TestClock clock;

  /** Caps without spacing, so a day's cap goes out in seconds (the rate is the tenant's 10/s). */
  public static class Unspaced implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "isolane.warmup.pacing.min-spacing-seconds", "0",
          "isolane.warmup.pacing.jitter-seconds", "0");
    }
  }

  @Test
  void theCapWarmUpPublishesIsWhatReachesTheSimulatorEachDay() throws Exception {
    String tenant = SampleEvents.newTenantId();
    String mailbox = WarmupEvents.mailbox("ana", tenant);
    WarmupEvents.Key key = WarmupEvents.Key.of("send", "read");
    SesTenantSetup.provision(
        "isl-" + tenant, WarmupEvents.domain(tenant), List.of("isl-" + tenant + "-marketing"));
    try (PackagedApp sending =
            PackagedApp.start(SENDING_JAR, sendingConfig(), Path.of("target/e2e-sending.log"));
        TopicWatcher<MailboxLimits> limits = ContractKafka.watch(EventTypes.MAILBOX_LIMITS)) {
      ContractKafka.publish(
          WarmupEvents.state(tenant, IsolationTier.ISOLATED, 1, List.of(key), mailbox));
      MailboxLimits first = limits.await(e -> e.data().mailbox().equals(mailbox)).data();
      assertThat(first.dailyCap()).isEqualTo(20);
      assertThat(first.day()).isEqualTo(clock.today()); // the real day, unless midnight just passed
      awaitLimitsApplied(tenant, first.day());

      submit(sending, key, mailbox, SUBMITTED);
      assertThat(sendsSettledAtLeast(tenant, 20)).as("day 1: cold-outreach's 20").isEqualTo(20);
      assertThat(queued(tenant)).isEqualTo(SUBMITTED - 20);

      clock.advanceDays(1);
      LocalDate day2 = clock.today();
      MailboxLimits second =
          limits
              .await(e -> e.data().mailbox().equals(mailbox) && e.data().day().equals(day2))
              .data();
      assertThat(second.dailyCap()).isEqualTo(20);
      assertThat(second.reason()).startsWith("advanced: day 2");
      awaitLimitsApplied(tenant, day2);
      assertThat(sendsSettledAtLeast(tenant, 40)).as("day 2: another 20, no more").isEqualTo(40);
      assertThat(queued(tenant)).isEqualTo(SUBMITTED - 40);
    }
  }

  /** sending-service's configuration: this JVM's broker, its own database, the simulator. */
  private static Map<String, String> sendingConfig() {
    IsolaneTestResource infra = new IsolaneTestResource();
    infra.init(Map.of("database", "sending"));
    Map<String, String> config = new HashMap<>(infra.start());
    config.putAll(new SesSimulatorResource().start());
    byte[] secret = "warmup-end-to-end-tests-only-secret".getBytes(StandardCharsets.UTF_8);
    config.put("isolane.unsubscribe.base-url", "https://unsubscribe.test.example/u");
    config.put("isolane.unsubscribe.signing-key-id", "e2e");
    config.put("isolane.unsubscribe.secrets", "e2e:" + Base64.getEncoder().encodeToString(secret));
    return config;
  }

  private static void awaitLimitsApplied(String tenant, LocalDate day) {
    TestDatabase.awaitValue(
        "1",
        Duration.ofSeconds(30),
        "sending",
        "SELECT count(*) FROM mailbox_limit WHERE tenant_id = ? AND limits::jsonb ->> 'day' = ?",
        tenant,
        day.toString());
  }

  /** Posts {@code n} marketing messages in one batch, retried until the tenant's key is known. */
  private static void submit(PackagedApp sending, WarmupEvents.Key key, String mailbox, int n) {
    List<Map<String, Object>> messages = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      messages.add(
          Map.of(
              "mailbox",
              mailbox,
              "stream",
              "marketing",
              "to",
              List.of("success+" + i + "@simulator.amazonses.com"),
              "subject",
              "Hello " + i,
              "content",
              Map.of("text", "Hi")));
    }
    String idempotencyKey = UUID.randomUUID().toString();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                given()
                        .baseUri(sending.uri().toString())
                        .port(sending.uri().getPort())
                        .header("Authorization", key.bearer())
                        .header("Idempotency-Key", idempotencyKey)
                        .contentType(ContentType.JSON)
                        .body(Map.of("messages", messages))
                        .post("/v1/messages")
                        .statusCode()
                    == 202);
  }

  /**
   * Waits until the simulator holds at least {@code atLeast} sends of the tenant and then stops
   * moving (the same count a second apart), and returns how many it holds.
   */
  private static int sendsSettledAtLeast(String tenant, int atLeast) {
    await().atMost(Duration.ofSeconds(30)).until(() -> sent(tenant) >= atLeast);
    int[] last = {-1};
    await()
        .pollInterval(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              int now = sent(tenant);
              boolean quiet = now == last[0];
              last[0] = now;
              return quiet;
            });
    return last[0];
  }

  private static int sent(String tenant) {
    return (int)
        SesSimulatorResource.simulator().state().sent.stream()
            .filter(m -> ("isl-" + tenant).equals(m.tenantName()))
            .count();
  }

  private static int queued(String tenant) {
    return Integer.parseInt(
        TestDatabase.queryString(
            "sending",
            "SELECT count(*) FROM message WHERE tenant_id = ? AND status = 'ACCEPTED'",
            tenant));
  }
}
