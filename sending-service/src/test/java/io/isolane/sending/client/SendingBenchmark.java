package io.isolane.sending.client;

import static io.isolane.sending.client.BenchProbes.count;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.events.Stream;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.sending.SendingTestResources;
import io.isolane.sending.client.BenchProbes.Latency;
import io.isolane.sessimulator.state.SendRecord;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.SesSimulatorResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 5's benchmark: throughput of one instance, tenant B's latency beside tenant A's backlog or
 * suspension and against a naive in-order consumer, memory with a million parked messages. Not part
 * of the build (surefire runs {@code *Test}); run all, or one scenario with {@code #name}:
 *
 * <pre>
 * ./mvnw -pl sending-service verify -Dtest=SendingBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DskipITs
 * </pre>
 *
 * Knobs: {@code -Dbench.tenants}, {@code bench.messages}, {@code bench.runs}, {@code bench.warmup},
 * {@code bench.warmupRounds}, {@code bench.bRate}, {@code bench.bSeconds}, {@code bench.backlog},
 * {@code bench.naiveBacklog}, {@code bench.naiveSeconds}, {@code bench.parked}, {@code
 * bench.burstWarmup}. Results are printed as lines starting with BENCH.
 */
@QuarkusTest
@TestProfile(ProductionIntervals.class)
@WithTestResource(SendingTestResources.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SendingBenchmark {
  static final int B_RATE = Integer.getInteger("bench.bRate", 20);
  static final int B_SECONDS = Integer.getInteger("bench.bSeconds", 30);
  static final int BACKLOG = Integer.getInteger("bench.backlog", 200_000);
  static final int BURST_WARMUP = Integer.getInteger("bench.burstWarmup", 30_000);
  static final int NAIVE_BACKLOG = Integer.getInteger("bench.naiveBacklog", 2_000);
  static final int NAIVE_SECONDS = Integer.getInteger("bench.naiveSeconds", 60);
  static final int PARKED = Integer.getInteger("bench.parked", 1_000_000);
  static final Consumer<ContractEvent<SendRequest>> SERVICE = BenchProbes::publishAlone;

  @AfterEach
  void tearDown() {
    defaultQuota();
  }

  /** The SES account's quota outside the throughput scenario and the warm-up. */
  private static void defaultQuota() {
    SesSimulatorResource.simulator().setSendingQuota(1_000, 10_000_000);
  }

  @Test
  @Order(1)
  void throughput() throws Exception {
    List<String> tenants = ThroughputLoad.warmUp();
    List<Double> rates = new ArrayList<>();
    for (int run = 1; run <= ThroughputLoad.RUNS; run++) {
      rates.add(ThroughputLoad.measure(tenants, "m" + run + "-"));
    }
    List<Double> sorted = rates.stream().sorted().toList();
    System.out.printf(
        "BENCH throughput of %d measurements in one warmed-up JVM: %s msg/s, median %,.0f%n",
        ThroughputLoad.RUNS,
        rates.stream().map(r -> String.format("%,.0f", r)).toList(),
        sorted.get(sorted.size() / 2));
    System.out.printf("BENCH intake records so far: %s%n", BenchProbes.intakePaths());
  }

  @Test
  @Order(2)
  void latencyBesideABacklog() throws Exception {
    String a = SampleEvents.newTenantId();
    String b = BenchProbes.samePartitionAs(a);
    SesTenants.provision(a, 10, 10_000_000);
    SesTenants.provision(b, 50, 10_000_000);
    SesTenants.awaitLane(a, 1);
    SesTenants.awaitLane(b, 1);
    ThroughputLoad.warmUp();
    defaultQuota();
    warmUpBurstPath();

    report("B alone", runB(b, "alone", B_SECONDS, SERVICE, Duration.ofSeconds(30)));
    // encoded beforehand: A's client is another machine's work, not this one's while B is measured
    List<ProducerRecord<String, byte[]>> backlog =
        requests(a, "a-", BACKLOG).stream().map(EventCodec::toRecord).toList();
    Instant burst = Instant.now();
    System.out.printf("BENCH A's burst begins at %s%n", burst);
    CompletableFuture<Instant> produced =
        CompletableFuture.supplyAsync(
            () -> {
              ContractKafka.publishRecords(backlog);
              return Instant.now();
            });
    report(
        "B while A's " + BACKLOG + " are produced and taken in (same partition)",
        runB(b, "arriving", B_SECONDS, SERVICE, Duration.ofSeconds(120)));
    Instant producedAt = produced.join();
    System.out.printf(
        "BENCH B's intake delay (produced to stored) beside A's burst: %s%n",
        BenchProbes.intakeDelay(b, "arriving-"));
    System.out.printf(
        "BENCH B's slowest beside A's burst (produced since the burst began: to ledger + queued +"
            + " claim to sent, ms): %s%n",
        BenchProbes.slowest(b, "arriving-", burst));
    System.out.printf("BENCH intake polls so far: %s%n", BenchProbes.intakePolls());
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> count("tenant_id = ? AND status IN ('ACCEPTED', 'SENT')", a) >= BACKLOG);
    System.out.printf("BENCH intake records so far: %s%n", BenchProbes.intakePaths());
    System.out.printf(
        "BENCH A's burst: produced in %.1f s, all in the ledger after %.1f s%n",
        ThroughputLoad.seconds(burst, producedAt), ThroughputLoad.seconds(burst, Instant.now()));
    report(
        "B beside A's backlog, " + count("tenant_id = ? AND status = 'ACCEPTED'", a) + " queued",
        runB(b, "backlog", B_SECONDS, SERVICE, Duration.ofSeconds(30)));
    SesTenants.publish(a, TenantStatus.SUSPENDED, 2, 10, 10_000_000);
    SesTenants.awaitLane(a, 2);
    report(
        "B beside A suspended, " + count("tenant_id = ? AND status = 'ACCEPTED'", a) + " parked",
        runB(b, "suspended", B_SECONDS, SERVICE, Duration.ofSeconds(30)));
    System.out.printf("BENCH removed A's queued rows: %d%n", BenchProbes.deleteQueued(a));
  }

  /**
   * A burst of another tenant, parked and taken in, before anything is measured: the burst path's
   * code is then compiled, as in a service that has been running, and not interpreted.
   */
  private static void warmUpBurstPath() {
    String w = SampleEvents.newTenantId();
    SesTenants.provision(w, 10, 10_000_000);
    SesTenants.awaitLane(w, 1);
    ContractKafka.publishAll(requests(w, "w-", BURST_WARMUP));
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> count("tenant_id = ?", w) >= BURST_WARMUP);
    System.out.printf(
        "BENCH burst warm-up: %,d of tenant W taken in, then removed: %d%n",
        BURST_WARMUP, BenchProbes.deleteQueued(w));
  }

  @Test
  @Order(3)
  void naiveBaseline() throws Exception {
    String a = SampleEvents.newTenantId();
    String b = SampleEvents.newTenantId();
    SesTenants.provision(a, 10, 10_000_000);
    SesTenants.provision(b, 50, 10_000_000);
    try (NaiveSender naive = new NaiveSender(Map.of(a, 10, b, 50))) {
      Consumer<ContractEvent<SendRequest>> toNaive = e -> naive.publishAll(List.of(e));
      report("naive: B alone", runB(b, "naive-alone", 10, toNaive, Duration.ofSeconds(10)));
      naive.publishAll(requests(a, "na-", NAIVE_BACKLOG));
      report(
          "naive: B beside A's " + NAIVE_BACKLOG + " (" + NAIVE_SECONDS + " s window)",
          runB(b, "naive-backlog", NAIVE_SECONDS, toNaive, Duration.ofSeconds(1)));
    }
  }

  @Test
  @Order(4)
  void parkedMemory() throws Exception {
    ApiTenants.Tenant parked = ApiTenants.provision(10, 10_000_000); // with keys, for GET /v1/queue
    String p = parked.id();
    String q = SampleEvents.newTenantId();
    SesTenants.provision(q, 50, 10_000_000);
    ApiTenants.publish(parked, TenantStatus.SUSPENDED, 3, parked.keys());
    SesTenants.awaitLane(p, 3);
    SesTenants.awaitLane(q, 1);

    memory("0 parked, idle");
    Latency before = runB(q, "q0", B_SECONDS, SERVICE, Duration.ofSeconds(30));
    memory("0 parked, after tenant Q sent " + B_RATE + "/s for " + B_SECONDS + " s: " + before);
    long started = System.nanoTime();
    BenchProbes.park(p, PARKED);
    System.out.printf(
        "BENCH parked %,d rows of a suspended tenant by SQL in %d s (%,d queued in all)%n",
        PARKED,
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
        count("status = 'ACCEPTED'"));
    Thread.sleep(10_000); // scheduler ticks and sweeps run beside the parked rows
    System.out.printf("BENCH GET /v1/queue of the parked tenant: %s%n", queueTimes(parked.key()));
    memory(PARKED + " parked, idle");
    Latency beside = runB(q, "q1", B_SECONDS, SERVICE, Duration.ofSeconds(30));
    memory(PARKED + " parked, after Q sent " + B_RATE + "/s for " + B_SECONDS + " s: " + beside);
    System.out.printf("BENCH removed the parked rows: %d%n", BenchProbes.deleteQueued(p));
  }

  /**
   * B's messages one at a time, {@code bench.bRate} a second, each produced on a timer; latency is
   * SES's acceptance (the simulator's clock) minus the produce time. Waits {@code drain} after the
   * last produce for the rest.
   */
  private static Latency runB(
      String b,
      String label,
      int seconds,
      Consumer<ContractEvent<SendRequest>> publish,
      Duration drain)
      throws Exception {
    String prefix = label + "-";
    int total = B_RATE * seconds;
    Map<String, Instant> producedAt = new ConcurrentHashMap<>();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    for (int i = 0; i < total; i++) {
      String id = prefix + i;
      Runnable produce =
          () -> {
            ContractEvent<SendRequest> e = SesTenants.request(b, id, Stream.TRANSACTIONAL);
            producedAt.put(id, e.data().requestedAt());
            publish.accept(e);
          };
      timer.schedule(produce, i * 1_000_000L / B_RATE, TimeUnit.MICROSECONDS);
    }
    timer.shutdown();
    timer.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + drain.toNanos();
    List<SendRecord> sent = BenchProbes.sendsOf(b::equals, prefix);
    while (sent.size() < total && System.nanoTime() < deadline) {
      Thread.sleep(200);
      sent = BenchProbes.sendsOf(b::equals, prefix);
    }
    long[] millis =
        sent.stream()
            .mapToLong(
                r ->
                    Duration.between(producedAt.get(BenchProbes.messageId(r)), r.sentAt())
                        .toMillis())
            .sorted()
            .toArray();
    return new Latency(sent.size(), total, millis);
  }

  /** Five calls of {@code GET /v1/queue}: each one's time, and the backlog the last one counted. */
  private static String queueTimes(String key) {
    List<Long> millis = new ArrayList<>();
    String queued = null;
    for (int i = 0; i < 5; i++) {
      long start = System.nanoTime();
      var response =
          given().header("Authorization", "Bearer " + key).get("/v1/queue").then().statusCode(200);
      millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
      queued = response.extract().path("streams[0].queued").toString();
    }
    return "counted " + queued + " queued; " + millis + " ms";
  }

  private static List<ContractEvent<SendRequest>> requests(String tenant, String prefix, int n) {
    List<ContractEvent<SendRequest>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(SesTenants.request(tenant, prefix + i, Stream.MARKETING));
    }
    return out;
  }

  private static void report(String scenario, Latency latency) {
    System.out.printf("BENCH latency, %s: %s%n", scenario, latency);
  }

  private static void memory(String label) throws Exception {
    System.out.printf("BENCH memory, %s: %s%n", label, BenchProbes.memory());
  }
}
