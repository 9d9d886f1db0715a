package io.isolane.feedback;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.Suppression;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.KafkaBroker;
import io.isolane.testkit.TestDatabase;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Scenario runner (not part of the build: the name does not end in Test). Prints lines starting
 * with {@code BENCH}. See the README's Benchmark section for the command and results.
 */
@QuarkusTest
@WithTestResource(FeedbackTestResources.class)
class FeedbackBenchmark {
  private static final String TOPIC = SignedSns.topicArn(FeedbackTestResources.TOPIC);
  private static final int NOTIFICATIONS = Integer.getInteger("bench.notifications", 20_000);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 3_000);
  private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 32);
  private static final int TENANTS = Integer.getInteger("bench.tenants", 50);
  private static final int BOUNCES = Integer.getInteger("bench.bounces", 300);
  private static final int BOUNCE_RATE = Integer.getInteger("bench.bounceRate", 20);
  private static final int BACKGROUND_RATE = Integer.getInteger("bench.backgroundRate", 500);

  /*
   * The client has its own Vert.x with one event loop. java.net.http was used before, but on two
   * cores its completions ran on a new thread each (the common pool has parallelism 1), so the
   * benchmark spent a share of the CPU starting 40,000 threads.
   */
  private static final Vertx CLIENT = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));

  private final HttpClient http =
      CLIENT.createHttpClient(
          new HttpClientOptions().setKeepAlive(true),
          new PoolOptions().setHttp1MaxSize(Math.max(CONCURRENCY, 1)));

  @TestHTTPResource("/sns/ses")
  URL endpoint;

  /** Signed notifications per second through POST /sns/ses, each verified and committed. */
  @Test
  void ingest() throws Exception {
    post(sign(WARMUP, "warm"), CONCURRENCY);
    List<String> bodies = sign(NOTIFICATIONS, "run");
    long start = System.nanoTime();
    List<Long> latencies = post(bodies, CONCURRENCY);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "BENCH ingest notifications=%d concurrency=%d seconds=%.2f rate=%.0f/s http_p50=%dms"
            + " http_p99=%dms%n",
        bodies.size(),
        CONCURRENCY,
        seconds,
        bodies.size() / seconds,
        percentile(latencies, 50),
        percentile(latencies, 99));
    long drainStart = System.nanoTime();
    TestDatabase.awaitValue(
        "0", Duration.ofMinutes(5), "feedback", "SELECT count(*) FROM outbox_event");
    System.out.printf(
        Locale.ROOT,
        "BENCH ingest outbox_drained_after=%.2fs%n",
        (System.nanoTime() - drainStart) / 1e9);
    awaitConsumers("feedback-service.email-events", "feedback-service.health");
    double caughtUp = (System.nanoTime() - drainStart) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "BENCH ingest consumers_caught_up_after=%.2fs (suppression and health consumers at the end"
            + " of email.events) end_to_end_rate=%.0f/s%n",
        caughtUp,
        bodies.size() / (seconds + caughtUp));
  }

  /** Waits until each group has committed the end offset of every email.events partition. */
  private static void awaitConsumers(String... groups) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaBroker.bootstrapServers()))) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin
          .describeTopics(List.of("email.events"))
          .allTopicNames()
          .get()
          .get("email.events")
          .partitions()
          .forEach(
              p ->
                  latest.put(
                      new TopicPartition("email.events", p.partition()), OffsetSpec.latest()));
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      for (String group : groups) {
        while (!caughtUp(admin, group, ends)) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException(group + " did not reach the end of email.events");
          }
          Thread.sleep(20);
        }
      }
    }
  }

  private static boolean caughtUp(Admin admin, String group, Map<TopicPartition, Long> ends)
      throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    return ends.entrySet().stream()
        .allMatch(
            e ->
                e.getValue() == 0
                    || (committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue()));
  }

  /** From a bounce's POST to its suppression on the topic sending-service reads, under load. */
  @Test
  void bounceToSuppression() throws Exception {
    List<String> background = sign(BACKGROUND_RATE * (BOUNCES / BOUNCE_RATE + 5), "bg");
    Map<String, String> bounces = new HashMap<>(); // recipient -> signed body
    String tenant = "bench-bounce-" + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < BOUNCES; i++) {
      String recipient = "gone" + i + "@example.org";
      bounces.put(
          recipient,
          SignedSns.notification(TOPIC, SignedSns.bounce(tenant, recipient), Instant.now(), "2")
              .toString());
    }
    post(sign(WARMUP, "warm"), CONCURRENCY);
    Map<String, Long> postedAt = new ConcurrentHashMap<>();
    try (TopicWatcher<Suppression> suppressions = ContractKafka.watch(EventTypes.SUPPRESSION)) {
      CompletableFuture<List<Long>> load =
          CompletableFuture.supplyAsync(() -> paced(background, BACKGROUND_RATE));
      List<String> recipients = new ArrayList<>(bounces.keySet());
      long period = 1_000_000_000L / BOUNCE_RATE;
      long next = System.nanoTime();
      for (String recipient : recipients) {
        sleepUntil(next);
        next += period;
        postedAt.put(tenant + "/" + recipient, System.currentTimeMillis());
        send(bounces.get(recipient));
      }
      load.join();
      List<Long> latencies = new ArrayList<>();
      for (String recipient : recipients) {
        String key = tenant + "/" + recipient;
        ConsumerRecord<String, byte[]> r =
            suppressions.awaitRecord(c -> key.equals(c.key()), Duration.ofSeconds(60));
        latencies.add(r.timestamp() - postedAt.get(key));
      }
      System.out.printf(
          Locale.ROOT,
          "BENCH bounce_to_suppression bounces=%d at=%d/s background=%d/s p50=%dms p95=%dms"
              + " p99=%dms max=%dms%n",
          BOUNCES,
          BOUNCE_RATE,
          BACKGROUND_RATE,
          percentile(latencies, 50),
          percentile(latencies, 95),
          percentile(latencies, 99),
          Collections.max(latencies));
    }
  }

  /** Delivery 85%, permanent bounce 10%, complaint 5%, over the tenants, signed with version 2. */
  private static List<String> sign(int n, String run) {
    return IntStream.range(0, n)
        .parallel()
        .mapToObj(
            i -> {
              String tenant = "bench-" + run + "-" + (i % TENANTS);
              String recipient =
                  "r" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
              String record =
                  i % 20 < 17
                      ? SignedSns.delivery(tenant, recipient)
                      : i % 20 < 19
                          ? SignedSns.bounce(tenant, recipient)
                          : complaint(tenant, recipient);
              return SignedSns.notification(TOPIC, record, Instant.now(), "2").toString();
            })
        .toList();
  }

  private static String complaint(String tenant, String recipient) {
    return "{\"eventType\":\"Complaint\",\"mail\":{\"messageId\":\"0100018c-"
        + UUID.randomUUID()
        + "\",\"tags\":{\"isolane-tenant\":[\""
        + tenant
        + "\"],\"isolane-message\":[\"m-3\"]}},"
        + "\"complaint\":{\"complainedRecipients\":[{\"emailAddress\":\""
        + recipient
        + "\"}],"
        + "\"complaintFeedbackType\":\"abuse\",\"feedbackId\":\"fb-"
        + UUID.randomUUID()
        + "\"}}";
  }

  private List<Long> post(List<String> bodies, int concurrency) throws InterruptedException {
    Semaphore slots = new Semaphore(concurrency);
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (String body : bodies) {
      slots.acquire();
      long t0 = System.nanoTime();
      all.add(
          sendAsync(body)
              .whenComplete(
                  (r, e) -> {
                    slots.release();
                    latencies.add((System.nanoTime() - t0) / 1_000_000);
                    check(r, e);
                  }));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    return latencies;
  }

  private List<Long> paced(List<String> bodies, int rate) {
    long period = 1_000_000_000L / rate;
    long next = System.nanoTime();
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (String body : bodies) {
      sleepUntil(next);
      next += period;
      all.add(sendAsync(body).whenComplete(FeedbackBenchmark::check));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    return List.of();
  }

  private void send(String body) {
    sendAsync(body).whenComplete(FeedbackBenchmark::check);
  }

  @AfterAll
  static void closeClient() {
    CLIENT.close().toCompletionStage().toCompletableFuture().join();
  }

  /** Completes with the answer's status and body, once the whole answer has arrived. */
  private CompletableFuture<Answer> sendAsync(String body) {
    RequestOptions request =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setAbsoluteURI(endpoint.toString())
            .putHeader("Content-Type", "text/plain; charset=UTF-8");
    return http.request(request)
        .compose(r -> r.send(body))
        .compose(r -> r.body().map(b -> new Answer(r.statusCode(), b.toString())))
        .toCompletionStage()
        .toCompletableFuture();
  }

  private record Answer(int status, String body) {}

  private static void check(Answer answer, Throwable failure) {
    if (failure != null || answer.status() != 200) {
      throw new IllegalStateException(
          failure != null ? failure.toString() : answer.status() + " " + answer.body());
    }
  }

  private static void sleepUntil(long nanoTime) {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static long percentile(List<Long> values, int p) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
