package io.isolane.warmup.client;

import io.isolane.warmup.config.AwsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;

/** The SES v2 client: AWS, or the simulator when an endpoint override is set. */
@ApplicationScoped
public class SesClient {

  @Produces
  @ApplicationScoped
  SesV2AsyncClient sesV2(AwsConfig aws) {
    var builder =
        SesV2AsyncClient.builder()
            .region(Region.of(aws.region()))
            .credentialsProvider(credentials(aws))
            .httpClientBuilder(NettyNioAsyncHttpClient.builder())
            .overrideConfiguration(c -> c.apiCallTimeout(aws.callTimeout()));
    aws.endpointOverride().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  void close(@Disposes SesV2AsyncClient client) {
    client.close();
  }

  private static AwsCredentialsProvider credentials(AwsConfig aws) {
    if (aws.accessKeyId().isPresent() && aws.secretAccessKey().isPresent()) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(aws.accessKeyId().get(), aws.secretAccessKey().get()));
    }
    return DefaultCredentialsProvider.builder().build();
  }
}
