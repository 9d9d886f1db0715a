package io.isolane.sending;

import io.isolane.contracts.events.EmailEventType;
import io.isolane.testkit.OutboxChecks;
import io.isolane.testkit.SampleEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The relay never hands an emitter more than its buffer holds, even when Kafka asks for one event
 * at a time: a full buffer would fail the email.events emitter for good and every later event of
 * the service would be stuck in the outbox.
 */
@QuarkusTest
@TestProfile(OutboxBackpressureTest.OneInFlight.class)
@WithTestResource(SendingTestResources.class)
class OutboxBackpressureTest {

  /** The email.events sink asks the emitter for one event at a time. */
  public static class OneInFlight implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("mp.messaging.outgoing.email-events-out.max-inflight-messages", "1");
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
}
