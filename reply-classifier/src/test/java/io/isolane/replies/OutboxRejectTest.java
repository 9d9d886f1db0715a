package io.isolane.replies;

import io.isolane.testkit.IsolaneTestResource;
import io.isolane.testkit.OutboxChecks;
import io.isolane.testkit.SampleEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * An outbox row the service can never publish goes to dlq.reply-classifier with the reason, and the
 * events behind it are still published.
 */
@QuarkusTest
@WithTestResource(
    value = IsolaneTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "replies"))
class OutboxRejectTest {

  @Test
  void anUnpublishableEventIsDeadLetteredAndDoesNotHoldTheEventsBehindIt() {
    String tenant = SampleEvents.newTenantId();
    OutboxChecks.unpublishableRowIsDeadLettered(
        "replies",
        "dlq.reply-classifier",
        SampleEvents.suppressionRequest(tenant, "bob@example.org"));
  }
}
