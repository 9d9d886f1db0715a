package io.isolane.warmup;

import io.isolane.testkit.OutboxChecks;
import io.isolane.testkit.SampleEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * An outbox row the service can never publish goes to dlq.warmup-service with the reason, and the
 * limits behind it are still published.
 */
@QuarkusTest
@WithTestResource(WarmupTestResources.class)
class OutboxRejectTest {

  @Test
  void anUnpublishableEventIsDeadLetteredAndDoesNotHoldTheEventsBehindIt() {
    String tenant = SampleEvents.newTenantId();
    OutboxChecks.unpublishableRowIsDeadLettered(
        "warmup", "dlq.warmup-service", SampleEvents.domainLimits(tenant, "mail.example"));
  }
}
