package io.isolane.tenant;

import io.isolane.contracts.events.TenantStatus;
import io.isolane.testkit.OutboxChecks;
import io.isolane.testkit.SampleEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * An outbox row the service can never publish goes to dlq.tenant-service with the reason, and the
 * tenant states behind it are still published.
 */
@QuarkusTest
@WithTestResource(TenantTestResources.class)
class OutboxRejectTest {

  @Test
  void anUnpublishableEventIsDeadLetteredAndDoesNotHoldTheEventsBehindIt() {
    String tenant = SampleEvents.newTenantId();
    OutboxChecks.unpublishableRowIsDeadLettered(
        "tenant",
        "dlq.tenant-service",
        SampleEvents.tenantState(tenant, TenantStatus.ACTIVE, 1, "ana@mail.example"));
  }
}
