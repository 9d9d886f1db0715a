package io.isolane.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

/**
 * What every service must offer operators, checked against the running application: a service's
 * {@code OperationsTest} extends this with {@code @QuarkusTest} and {@link IsolaneTestResource}.
 */
public abstract class OperationsChecks {

  @Test
  void readinessCoversKafkaAndTheDatabase() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem(containsString("Kafka")))
        .body("checks.name", hasItem(containsString("PostgreSQL")));
  }

  @Test
  void livenessIsUp() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void metricsAreExposedForPrometheus() {
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("jvm_memory_used_bytes"))
        .body(containsString("kafka_producer"));
  }

  @Test
  void openApiAndSwaggerUiAreServed() {
    given().get("/q/openapi").then().statusCode(200).body(containsString("openapi"));
    given().get("/q/swagger-ui/").then().statusCode(200);
  }
}
