package io.isolane.sessimulator.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.isolane.sessimulator.SesSimulator;
import io.isolane.sessimulator.SimulatorConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sns.SnsAsyncClient;

/** Simulators and real AWS SDK v2 clients pointed at them. */
final class Simulators {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Simulators() {}

  static SesSimulator start() {
    return SesSimulator.start(SimulatorConfig.defaults());
  }

  /** An SES v2 async client with throwaway static credentials and no retries. */
  static SesV2AsyncClient client(SesSimulator simulator) {
    return SesV2AsyncClient.builder()
        .endpointOverride(simulator.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClientBuilder(NettyNioAsyncHttpClient.builder())
        .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
        .build();
  }

  /** An SNS async client with throwaway static credentials. */
  static SnsAsyncClient sns(SesSimulator simulator) {
    return SnsAsyncClient.builder()
        .endpointOverride(simulator.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClientBuilder(NettyNioAsyncHttpClient.builder())
        .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
        .build();
  }

  /** Subscribes the receiver to the topic and confirms it with the token it was sent. */
  static void confirmedSubscription(SnsAsyncClient sns, String topic, HttpReceiver receiver)
      throws Exception {
    sns.subscribe(r -> r.topicArn(topic).protocol("http").endpoint(receiver.url())).join();
    String token =
        JSON.readTree(
                receiver
                    .await(
                        r ->
                            "SubscriptionConfirmation".equals(r.header("x-amz-sns-message-type"))
                                && r.body().contains(topic))
                    .body())
            .path("Token")
            .asText();
    sns.confirmSubscription(r -> r.topicArn(topic).token(token)).join();
  }

  /** A one-line text message from {@code from} to {@code to}. */
  static SendEmailRequest.Builder simpleEmail(
      SendEmailRequest.Builder request, String from, String... to) {
    return request
        .fromEmailAddress(from)
        .destination(d -> d.toAddresses(to))
        .content(
            c ->
                c.simple(
                    m -> m.subject(s -> s.data("Hello")).body(b -> b.text(t -> t.data("Hi Bob")))));
  }

  /** PUTs JSON to one of the simulator's own (non-AWS) admin endpoints. */
  static HttpResponse<String> adminPut(SesSimulator simulator, String path, String json)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(simulator.endpoint() + path))
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** DELETEs one of the simulator's own (non-AWS) admin endpoints. */
  static HttpResponse<String> adminDelete(SesSimulator simulator, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(simulator.endpoint() + path)).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** GETs a URL (a SubscribeURL, or one of the simulator's read endpoints). */
  static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Waits for an SDK call and unwraps its exception, so tests can assert on the SDK's type. */
  static <T> T call(Supplier<java.util.concurrent.CompletableFuture<T>> request) {
    try {
      return request.get().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof SdkException sdk) {
        throw sdk;
      }
      throw e;
    }
  }
}
