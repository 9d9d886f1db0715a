package io.isolane.sending;

import io.isolane.testkit.OperationsChecks;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(SendingTestResources.class)
class OperationsTest extends OperationsChecks {}
