package io.isolane.warmup;

import io.isolane.testkit.IsolaneTestResource;
import io.isolane.testkit.PackagedAppChecks;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged application (prod profile, as deployed) boots against real Kafka and PostgreSQL. */
@QuarkusIntegrationTest
@WithTestResource(
    value = IsolaneTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "warmup"))
class PackagedAppIT extends PackagedAppChecks {}
