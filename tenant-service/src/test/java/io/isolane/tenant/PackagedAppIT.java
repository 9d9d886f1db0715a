package io.isolane.tenant;

import io.isolane.testkit.PackagedAppChecks;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged application (prod profile, as deployed) boots against real Kafka, PostgreSQL and the
 * SES simulator.
 */
@QuarkusIntegrationTest
@WithTestResource(TenantTestResources.class)
class PackagedAppIT extends PackagedAppChecks {}
