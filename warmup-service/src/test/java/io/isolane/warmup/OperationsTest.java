package io.isolane.warmup;

import io.isolane.testkit.OperationsChecks;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(WarmupTestResources.class)
class OperationsTest extends OperationsChecks {}
