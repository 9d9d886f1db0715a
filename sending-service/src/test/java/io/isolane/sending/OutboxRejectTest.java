package io.isolane.sending;

import io.isolane.contracts.events.EmailEventType;
import io.isolane.testkit.OutboxChecks;
import io.isolane.testkit.SampleEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * An outbox row the service can never publish goes to dlq.sending-service with the reason, and the
 * email events behind it are still published.
 */
@QuarkusTest
@WithTestResource(SendingTestResources.class)
class OutboxRejectTest {

  @Test
  void anUnpublishableEventIsDeadLetteredAndDoesNotHoldTheEventsBehindIt() {
    String tenant = SampleEvents.newTenantId();
    OutboxChecks.unpublishableRowIsDeadLettered(
        "sending",
        "dlq.sending-service",
        SampleEvents.emailEvent(tenant, EmailEventType.SENT, "bob@example.org", null));
  }
}
