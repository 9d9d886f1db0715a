package io.isolane.tenant.client;

import io.isolane.sessimulator.web.OperationGate;
import io.isolane.testkit.SesSimulatorResource;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;

/** A real SES v2 client on the test JVM's simulator, for asserting what provisioning made. */
final class SimulatorSes {
  private static SesV2AsyncClient client;

  private SimulatorSes() {}

  static synchronized SesV2AsyncClient client() {
    if (client == null) {
      client =
          SesV2AsyncClient.builder()
              .endpointOverride(SesSimulatorResource.simulator().endpoint())
              .region(Region.US_EAST_1)
              .credentialsProvider(
                  StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
              .httpClientBuilder(NettyNioAsyncHttpClient.builder())
              .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
              .build();
    }
    return client;
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
