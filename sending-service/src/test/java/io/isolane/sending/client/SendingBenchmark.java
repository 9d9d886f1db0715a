package io.isolane.sending.client;

import static io.isolane.sending.client.BenchProbes.count;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.Set;
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
  static final int TENANTS = Integer.getInteger("bench.tenants", 20);
  static final int MESSAGES = Integer.getInteger("bench.messages", 60_000);
  static final int WARMUP = Integer.getInteger("bench.warmup", 20_000);
  static final int WARMUP_ROUNDS = Integer.getInteger("bench.warmupRounds", 20);
  static final int RUNS = Integer.getInteger("bench.runs", 3);
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
    List<String> tenants = warmUp();
    List<Double> rates = new ArrayList<>();
    for (int run = 1; run <= RUNS; run++) {
      rates.add(measure(tenants, "m" + run + "-"));
    }
    List<Double> sorted = rates.stream().sorted().toList();
    System.out.printf(
        "BENCH throughput of %d measurements in one warmed-up JVM: %s msg/s, median %,.0f%n",
        RUNS,
        rates.stream().map(r -> String.format("%,.0f", r)).toList(),
        sorted.get(sorted.size() / 2));
    System.out.printf("BENCH intake records so far: %s%n", BenchProbes.intakePaths());
  }

  /**
   * One measurement: {@code bench.messages} over the tenants, from the first produce to the last
   * SES acceptance. Prints it and returns its messages per second.
   */
  private static double measure(List<String> tenants, String prefix) throws Exception {
    double calibration = BenchProbes.calibrationMillis();
    long compiling = BenchProbes.compileMillis();
    BenchProbes.resetStatementStats();
    List<ProducerRecord<String, byte[]>> records = encode(tenants, prefix, MESSAGES);
    long firstRow = BenchProbes.maxMessageRowId() + 1;
    CompletableFuture<Instant> stored =
        CompletableFuture.supplyAsync(() -> BenchProbes.storedAt(firstRow + MESSAGES - 1));
    double[] cpu = BenchProbes.cpuSeconds();
    long[] blocks = BenchProbes.blockReads();
    Instant start = Instant.now();
    double produced = sendAll(tenants, prefix, records);
    List<Instant> sent =
        BenchProbes.sendsOf(Set.copyOf(tenants)::contains, prefix).stream()
            .map(SendRecord::sentAt)
            .sorted()
            .toList();
    double seconds = seconds(start, sent.get(sent.size() - 1));
    double[] cpuAfter = BenchProbes.cpuSeconds();
    double cpuWall = seconds(start, Instant.now());
    int from = sent.size() / 10, to = sent.size() * 9 / 10;
    System.out.printf(
        "BENCH throughput: %,d messages of %d tenants, first produce to last SES acceptance %.1f s"
            + " = %,.0f msg/s; steady middle 80%%: %,.0f msg/s; intake (rows stored): %,.0f msg/s;"
            + " producing took %.1f s; CPU cores used: JVM %.2f, PostgreSQL %.2f; JIT compilers"
            + " %.1f s; machine's fixed work before it %.0f ms%n",
        MESSAGES,
        TENANTS,
        seconds,
        MESSAGES / seconds,
        (to - from) / seconds(sent.get(from), sent.get(to)),
        MESSAGES / seconds(start, stored.get()),
        produced,
        (cpuAfter[0] - cpu[0]) / cpuWall,
        (cpuAfter[1] - cpu[1]) / cpuWall,
        (BenchProbes.compileMillis() - compiling) / 1e3,
        calibration);
    long[] blocksAfter = BenchProbes.blockReads();
    System.out.printf(
        "BENCH PostgreSQL blocks per message: %.2f read (not in shared_buffers), %.1f hit%n",
        (blocksAfter[0] - blocks[0]) / (double) MESSAGES,
        (blocksAfter[1] - blocks[1]) / (double) MESSAGES);
    BenchProbes.printStatementStats();
    return MESSAGES / seconds;
  }

  /**
   * {@code bench.tenants} tenants at 2,000/s each (the SES account at 100,000/s) send rounds of
   * {@code bench.warmup} messages until the JIT compilers work less than a tenth of a round (at
   * most {@code bench.warmupRounds}). On two cores shared with the broker, the simulator and
   * PostgreSQL the compilers fall far behind: a short warm-up measures code that a service running
   * for hours would long have compiled. Returns the tenants.
   */
  private static List<String> warmUp() throws InterruptedException {
    SesSimulatorResource.simulator().setSendingQuota(100_000, 1e9);
    List<String> tenants = new ArrayList<>();
    for (int i = 0; i < TENANTS; i++) {
      tenants.add(SampleEvents.newTenantId());
      SesTenants.provision(tenants.get(i), 2_000, 10_000_000);
    }
    tenants.forEach(t -> SesTenants.awaitLane(t, 1));
    Thread.sleep(3_000); // sending-service re-reads the account's max send rate every 2 s
    for (int round = 1; round <= WARMUP_ROUNDS; round++) {
      String prefix = "w" + round + "-";
      List<ProducerRecord<String, byte[]>> records = encode(tenants, prefix, WARMUP);
      long compiling = BenchProbes.compileMillis();
      Instant start = Instant.now();
      sendAll(tenants, prefix, records);
      double seconds = seconds(start, Instant.now());
      double share = (BenchProbes.compileMillis() - compiling) / 1e3 / seconds;
      BenchProbes.calibrationMillis(); // compiled before the measurements use it
      System.out.printf(
          "BENCH warm-up round %d: %,.0f msg/s, JIT compilers busy %.0f%% of the time%n",
          round, WARMUP / seconds, share * 100);
      if (share < 0.10) {
        break;
      }
    }
    return tenants;
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
    warmUp();
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
        seconds(burst, producedAt), seconds(burst, Instant.now()));
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

  /**
   * {@code n} requests round-robin over the tenants, encoded as records before anything is timed:
   * the clients are other machines' work.
   */
  private static List<ProducerRecord<String, byte[]>> encode(
      List<String> tenants, String prefix, int n) {
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String tenant = tenants.get(i % tenants.size());
      records.add(EventCodec.toRecord(SesTenants.request(tenant, prefix + i, Stream.MARKETING)));
    }
    return records;
  }

  /** Publishes the records and waits until SES accepted all. Returns the seconds producing took. */
  private static double sendAll(
      List<String> tenants, String prefix, List<ProducerRecord<String, byte[]>> records) {
    int n = records.size();
    int before = SesSimulatorResource.simulator().state().sendLog.size();
    Instant start = Instant.now();
    ContractKafka.publishRecords(records);
    double produced = seconds(start, Instant.now());
    // polls the log's size, not a scan of it, so the measurement adds no load that grows with it
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> SesSimulatorResource.simulator().state().sendLog.size() >= before + n);
    Set<String> set = Set.copyOf(tenants);
    assertThat(BenchProbes.sendsOf(set::contains, prefix)).hasSize(n);
    return produced;
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

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1e3;
  }
}
