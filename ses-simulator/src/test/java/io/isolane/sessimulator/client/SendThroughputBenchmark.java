package io.isolane.sessimulator.client;

import static io.isolane.sessimulator.client.Simulators.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.sessimulator.SesSimulator;
import io.isolane.sessimulator.SimulatorConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;
import software.amazon.awssdk.services.sesv2.model.EventType;
import software.amazon.awssdk.services.sns.SnsAsyncClient;

/**
 * SendEmail throughput from an AWS SDK v2 async client, simulator in the same JVM (both share the
 * machine's cores). Not part of the build; run it with:
 *
 * <pre>
 * ./mvnw -pl ses-simulator test -Dtest=SendThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Prints sends per second with event publishing off, and with Send and Delivery events delivered
 * through SNS to an HTTP subscriber. Knobs: {@code -Dbench.messages}, {@code -Dbench.warmup},
 * {@code -Dbench.inFlight}, {@code -Dbench.keyBits} (SNS signing key, default 2048), {@code
 * -Dbench.withEvents=false}.
 */
class SendThroughputBenchmark {
  static final int WARMUP = Integer.getInteger("bench.warmup", 20_000);
  static final int MESSAGES = Integer.getInteger("bench.messages", 100_000);
  static final int IN_FLIGHT = Integer.getInteger("bench.inFlight", 256);
  static final int KEY_BITS = Integer.getInteger("bench.keyBits", 2048);
  static final boolean WITH_EVENTS =
      Boolean.parseBoolean(System.getProperty("bench.withEvents", "true"));

  @Test
  void sendEmailThroughput() throws Exception {
    SimulatorConfig config =
        SimulatorConfig.defaults()
            .withQuota(1e9, 1e12)
            .withSnsRetries(3, Duration.ofMillis(100))
            .withSnsSigningKeyBits(KEY_BITS);
    try (SesSimulator simulator = SesSimulator.start(config);
        SesV2AsyncClient ses = client(simulator)) {
      call(() -> ses.createEmailIdentity(r -> r.emailIdentity("bench.example")));
      call(() -> ses.createConfigurationSet(r -> r.configurationSetName("plain")));
      call(() -> ses.createConfigurationSet(r -> r.configurationSetName("with-events")));

      run(ses, "plain", WARMUP);
      double off = run(ses, "plain", MESSAGES);
      System.out.printf("SendEmail, event publishing off: %,.0f/s (%d messages)%n", off, MESSAGES);
      if (!WITH_EVENTS) {
        return;
      }

      Vertx vertx = Vertx.vertx();
      AtomicLong notifications = new AtomicLong();
      HttpServer subscriber =
          vertx
              .createHttpServer()
              .requestHandler(
                  req ->
                      req.body()
                          .onSuccess(
                              b -> {
                                notifications.incrementAndGet();
                                req.response().end();
                              }))
              .listen(0, "127.0.0.1")
              .toCompletionStage()
              .toCompletableFuture()
              .get();
      subscribe(simulator, "http://127.0.0.1:" + subscriber.actualPort() + "/", notifications);
      call(
          () ->
              ses.createConfigurationSetEventDestination(
                  r ->
                      r.configurationSetName("with-events")
                          .eventDestinationName("sns")
                          .eventDestination(
                              d ->
                                  d.enabled(true)
                                      .matchingEventTypes(EventType.SEND, EventType.DELIVERY)
                                      .snsDestination(
                                          s ->
                                              s.topicArn(
                                                  "arn:aws:sns:us-east-1:123456789012:bench")))));

      run(ses, "with-events", WARMUP);
      long before = notifications.get();
      double on = run(ses, "with-events", MESSAGES);
      long expected = before + 2L * MESSAGES;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (notifications.get() < expected && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      System.out.printf(
          "SendEmail, Send+Delivery events to an HTTP subscriber, %d-bit signatures: %,.0f/s (%d"
              + " messages, %,d notifications received)%n",
          KEY_BITS, on, MESSAGES, notifications.get() - before);
      assertThat(notifications.get())
          .as("every Send and Delivery event arrived")
          .isGreaterThanOrEqualTo(expected);
      vertx.close();
    }
  }

  private static double run(SesV2AsyncClient ses, String configurationSet, int count)
      throws Exception {
    Semaphore slots = new Semaphore(IN_FLIGHT);
    AtomicLong failures = new AtomicLong();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      slots.acquire();
      String to = "user" + (i % 1000) + "@example.com";
      CompletableFuture<?> sent =
          ses.sendEmail(
              r ->
                  r.fromEmailAddress("news@bench.example")
                      .destination(d -> d.toAddresses(to))
                      .configurationSetName(configurationSet)
                      .content(
                          c ->
                              c.simple(
                                  m ->
                                      m.subject(s -> s.data("Benchmark"))
                                          .body(
                                              b -> b.text(t -> t.data("A typical short body."))))));
      sent.whenComplete(
          (ok, error) -> {
            if (error != null) {
              failures.incrementAndGet();
            }
            slots.release();
          });
    }
    slots.acquire(IN_FLIGHT);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(failures.get()).as("failed sends").isZero();
    return count / seconds;
  }

  private static void subscribe(SesSimulator simulator, String url, AtomicLong notifications)
      throws Exception {
    try (SnsAsyncClient sns =
        SnsAsyncClient.builder()
            .endpointOverride(simulator.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClientBuilder(NettyNioAsyncHttpClient.builder())
            .build()) {
      String topic = sns.createTopic(r -> r.name("bench")).join().topicArn();
      sns.subscribe(r -> r.topicArn(topic).protocol("http").endpoint(url)).join();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (notifications.get() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      String token =
          simulator.sns().topic(topic).orElseThrow().subscriptions.values().iterator().next().token;
      sns.confirmSubscription(r -> r.topicArn(topic).token(token)).join();
      notifications.set(0);
    }
  }

  private static SesV2AsyncClient client(SesSimulator simulator) {
    return SesV2AsyncClient.builder()
        .endpointOverride(simulator.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(IN_FLIGHT))
        .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
        .build();
  }
}
