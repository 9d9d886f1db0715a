package io.isolane.sending.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.isolane.contracts.events.Stream;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.sessimulator.state.SendRecord;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.SesSimulatorResource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@link SendingBenchmark}'s load: many tenants' marketing mail produced to send.requests in bulk,
 * for the JIT warm-up and the throughput measurements.
 */
final class ThroughputLoad {
  static final int TENANTS = Integer.getInteger("bench.tenants", 20);
  static final int MESSAGES = Integer.getInteger("bench.messages", 60_000);
  static final int WARMUP = Integer.getInteger("bench.warmup", 20_000);
  static final int WARMUP_ROUNDS = Integer.getInteger("bench.warmupRounds", 20);
  static final int RUNS = Integer.getInteger("bench.runs", 3);

  private ThroughputLoad() {}

  /**
   * {@code bench.tenants} tenants at 2,000/s each (the SES account at 100,000/s) send rounds of
   * {@code bench.warmup} messages until the JIT compilers work less than a tenth of a round (at
   * most {@code bench.warmupRounds}). On two cores shared with the broker, the simulator and
   * PostgreSQL the compilers fall far behind: a short warm-up measures code that a service running
   * for hours would long have compiled. Returns the tenants.
   */
  static List<String> warmUp() throws InterruptedException {
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

  /**
   * One measurement: {@code bench.messages} over the tenants, from the first produce to the last
   * SES acceptance. Prints it and returns its messages per second.
   */
  static double measure(List<String> tenants, String prefix) throws Exception {
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

  static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1e3;
  }
}
