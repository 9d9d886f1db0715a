package io.isolane.sending;

import io.isolane.testkit.IsolaneTestResource;
import io.isolane.testkit.OperationsChecks;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(
    value = IsolaneTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "sending"))
class OperationsTest extends OperationsChecks {}
