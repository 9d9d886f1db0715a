package io.isolane.feedback.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.isolane.feedback.ApiTenants;
import io.isolane.feedback.FeedbackTestResources;
import io.isolane.testkit.client.SimulatorClients;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SuppressionListReason;

/** Lasting suppressions reach the tenant's own SES suppression list; lifted ones leave it. */
@QuarkusTest
@WithTestResource(FeedbackTestResources.class)
class SesSuppressionMirrorTest {

  @Test
  void lastingSuppressionsAreMirroredIntoTheSesTenantsListAndLiftedOnesRemoved() {
    ApiTenants t = ApiTenants.provision();
    String sesTenant = "isl-" + t.id(); // the SES tenant its tenant.state names
    SimulatorClients.sesV2().createTenant(r -> r.tenantName(sesTenant)).join();

    add(
        t,
        Map.of(
            "address",
            "soft@example.org",
            "reason",
            "soft_bounce",
            "expiresAt",
            "2030-01-01T00:00:00Z"));
    add(t, Map.of("address", "gone@example.org", "reason", "hard_bounce"));
    add(t, Map.of("address", "angry@example.org", "reason", "complaint"));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> listed(sesTenant, "angry@example.org") != null);
    assertThat(listed(sesTenant, "gone@example.org")).isEqualTo(SuppressionListReason.BOUNCE);
    assertThat(listed(sesTenant, "angry@example.org")).isEqualTo(SuppressionListReason.COMPLAINT);
    assertThat(listed(sesTenant, "soft@example.org")).as("temporary: not mirrored").isNull();
    assertThat(
            SimulatorClients.sesV2()
                .getSuppressedDestination(r -> r.emailAddress("gone@example.org")))
        .as("the account-level list is untouched")
        .failsWithin(Duration.ofSeconds(10));

    t.api().delete("/v1/suppressions/gone@example.org").then().statusCode(204);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> listed(sesTenant, "gone@example.org") == null);
  }

  private static void add(ApiTenants t, Map<String, Object> body) {
    t.api()
        .contentType("application/json")
        .body(body)
        .post("/v1/suppressions")
        .then()
        .statusCode(201);
  }

  private static SuppressionListReason listed(String sesTenant, String address) {
    try {
      return SimulatorClients.sesV2()
          .getSuppressedDestination(r -> r.tenantName(sesTenant).emailAddress(address))
          .join()
          .suppressedDestination()
          .reason();
    } catch (CompletionException e) {
      if (e.getCause() instanceof NotFoundException) {
        return null;
      }
      throw e;
    }
  }
}
