package io.isolane.testkit.client;

import io.isolane.testkit.SesSimulatorResource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;

/**
 * A real SES v2 client on the test JVM's simulator, for tests that set up or inspect SES the way an
 * AWS user would. No SDK retries: a test sees exactly what the simulator answered.
 */
public final class SimulatorClients {
  private static SesV2AsyncClient sesV2;

  private SimulatorClients() {}

  public static synchronized SesV2AsyncClient sesV2() {
    if (sesV2 == null) {
      sesV2 =
          SesV2AsyncClient.builder()
              .endpointOverride(SesSimulatorResource.simulator().endpoint())
              .region(Region.US_EAST_1)
              .credentialsProvider(
                  StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
              .httpClientBuilder(NettyNioAsyncHttpClient.builder())
              .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
              .build();
    }
    return sesV2;
  }
}
