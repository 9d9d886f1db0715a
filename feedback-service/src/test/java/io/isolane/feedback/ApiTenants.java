package io.isolane.feedback;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.isolane.contracts.events.TenantStatus;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.TestApiKeys;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;

/**
 * Tenants announced on tenant.state with a read+send key and a read-only key, as tenant-service
 * publishes them (digests only), once their keys authenticate here.
 */
public record ApiTenants(String id, String key, String readKey) {

  /** A tenant announced on tenant.state, once its keys authenticate here. */
  public static ApiTenants provision() {
    ApiTenants t =
        new ApiTenants(SampleEvents.newTenantId(), TestApiKeys.newKey(), TestApiKeys.newKey());
    ContractKafka.publish(
        SampleEvents.tenantState(
            t.id(),
            TenantStatus.ACTIVE,
            1,
            List.of(
                TestApiKeys.digest(t.key(), List.of("read", "send")),
                TestApiKeys.digest(t.readKey(), List.of("read"))),
            "ana@mail." + t.id() + ".example"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> t.api().get("/v1/suppressions").statusCode() == 200);
    return t;
  }

  /** A request with the read+send key. */
  public RequestSpecification api() {
    return given().header("Authorization", "Bearer " + key);
  }

  /** A request with the read-only key. */
  public RequestSpecification readOnly() {
    return given().header("Authorization", "Bearer " + readKey);
  }
}
