package io.isolane.tenant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.isolane.testkit.OperationsChecks;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TenantTestResources.class)
class OperationsTest extends OperationsChecks {

  @Test
  void openApiDescribesTheTenantApi() {
    given().get("/q/openapi").then().statusCode(200).body(containsString("/v1/tenants"));
  }
}
