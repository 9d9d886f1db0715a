package io.isolane.tenant.client;

import io.isolane.sessimulator.web.OperationGate;
import io.isolane.testkit.SesSimulatorResource;
import io.isolane.testkit.client.SimulatorClients;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;

/** A real SES v2 client on the test JVM's simulator, for asserting what provisioning made. */
final class SimulatorSes {
  private SimulatorSes() {}

  static SesV2AsyncClient client() {
    return SimulatorClients.sesV2();
  }

  static OperationGate operations() {
    return SesSimulatorResource.simulator().operations();
  }

  /** The SES error code a call fails with, or null when it succeeds. */
  static String errorOf(Runnable call) {
    try {
      call.run();
      return null;
    } catch (CompletionException e) {
      if (e.getCause() instanceof AwsServiceException aws) {
        return aws.awsErrorDetails().errorCode();
      }
      throw e;
    }
  }
}
