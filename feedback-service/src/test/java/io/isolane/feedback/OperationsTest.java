package io.isolane.feedback;

import io.isolane.testkit.OperationsChecks;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(FeedbackTestResources.class)
class OperationsTest extends OperationsChecks {}
