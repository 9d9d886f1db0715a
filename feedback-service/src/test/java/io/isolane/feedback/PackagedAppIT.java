package io.isolane.feedback;

import io.isolane.testkit.PackagedAppChecks;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged application (prod profile, as deployed) boots against real Kafka and PostgreSQL. */
@QuarkusIntegrationTest
@WithTestResource(FeedbackTestResources.class)
class PackagedAppIT extends PackagedAppChecks {}
