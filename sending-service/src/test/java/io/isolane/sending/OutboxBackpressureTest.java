package io.isolane.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.isolane.contracts.events.EmailEventType;
import io.isolane.testkit.OutboxChecks;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.ServiceMetrics;
import io.isolane.testkit.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The relay never hands an emitter more than its buffer holds, even when Kafka asks for one event
 * at a time: a full buffer would fail the email.events emitter for good and every later event of
 * the service would be stuck in the outbox. A relay held up by the database says so in its gauge
 * and goes on once it is let through; an event the relay cannot take shows in the oldest event's
 * age while everything else is published.
 */
@QuarkusTest
@TestProfile(OutboxBackpressureTest.OneInFlight.class)
@WithTestResource(SendingTestResources.class)
class OutboxBackpressureTest {

  /**
   * The email.events sink asks the emitter for one event at a time; stalls are reported at 1 s and
   * the oldest event's age read every 200 ms.
   */
  public static class OneInFlight implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "mp.messaging.outgoing.email-events-out.max-inflight-messages", "1",
          "isolane.outbox.stall-warning", "1s",
          "isolane.outbox.lag-interval", "200ms");
    }
  }

  @Test
  void batchesLargerThanTheEmittersBufferAreAllPublished() {
    String tenant = SampleEvents.newTenantId();
    OutboxChecks.largeBatchesArePublished(
        "sending",
        SampleEvents.emailEvent(tenant, EmailEventType.SENT, "bob@example.org", null),
        1_200);
  }

  @Test
  void aRelayHeldByTheDatabaseIsVisibleAndCatchesUpOnceReleased() throws Exception {
    double publishedBefore = ServiceMetrics.sum("isolane_outbox_published_total");
    try (Connection blocker = TestDatabase.connect("sending");
        Statement st = blocker.createStatement()) {
      blocker.setAutoCommit(false);
      st.execute("LOCK TABLE outbox_event IN ACCESS EXCLUSIVE MODE");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> ServiceMetrics.sum("isolane_outbox_relay_step_seconds") > 2);
      blocker.rollback();
    }

    String tenant = SampleEvents.newTenantId();
    OutboxChecks.largeBatchesArePublished(
        "sending",
        SampleEvents.emailEvent(tenant, EmailEventType.SENT, "bob@example.org", null),
        600);
    assertThat(ServiceMetrics.sum("isolane_outbox_published_total") - publishedBefore)
        .isGreaterThanOrEqualTo(600);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> ServiceMetrics.sum("isolane_outbox_relay_step_seconds") < 1);
  }

  @Test
  void anEventTheRelayCannotTakeShowsInTheOldestEventsAge() throws Exception {
    String tenant = SampleEvents.newTenantId();
    OutboxChecks.anEventHeldFromTheRelayShowsItsAge(
        "sending", SampleEvents.emailEvent(tenant, EmailEventType.SENT, "bob@example.org", null));
  }
}
