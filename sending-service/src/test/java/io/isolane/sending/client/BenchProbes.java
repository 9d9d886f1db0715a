package io.isolane.sending.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.ContractJson;
import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.events.Stream;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.contracts.kafka.TenantPartitioner;
import io.isolane.sessimulator.state.SendRecord;
import io.isolane.testkit.KafkaBroker;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.ServiceMetrics;
import io.isolane.testkit.SesSimulatorResource;
import io.isolane.testkit.TestDatabase;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What {@link SendingBenchmark} measures with: the simulator's send log, the ledger, /proc. */
final class BenchProbes {
  private static final String MAX_ROW_ID = "SELECT coalesce(max(id), 0) FROM message";
  private static KafkaProducer<String, byte[]> producer;

  private BenchProbes() {}

  /** Latencies of one run in milliseconds, sorted. */
  record Latency(int sent, int total, long[] millis) {
    long percentile(double p) {
      return millis.length == 0 ? -1 : millis[(int) Math.ceil(p * millis.length) - 1];
    }

    @Override
    public String toString() {
      return String.format(
          "sent %d of %d, p50 %d ms, p99 %d ms, max %d ms",
          sent, total, percentile(0.50), percentile(0.99), percentile(1.0));
    }
  }

  /** The simulator's sends of matching tenants whose message id starts with {@code prefix}. */
  static List<SendRecord> sendsOf(Predicate<String> tenant, String prefix) {
    return SesSimulatorResource.simulator().state().sendLog.stream()
        .filter(r -> r.tenantName() != null && tenant.test(tenantOf(r)))
        .filter(r -> messageId(r).startsWith(prefix))
        .toList();
  }

  static String tenantOf(SendRecord r) {
    return r.tenantName().substring("isl-".length());
  }

  static String messageId(SendRecord r) {
    return r.tags().getOrDefault("isolane-message", "");
  }

  /**
   * Publishes one event through a producer of its own and waits for the ack: B is another client,
   * never queued behind A's records in a shared producer.
   */
  static synchronized void publishAlone(ContractEvent<SendRequest> event) {
    if (producer == null) {
      producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  KafkaBroker.bootstrapServers(),
                  ProducerConfig.ACKS_CONFIG,
                  "all"),
              new StringSerializer(),
              new ByteArraySerializer());
    }
    try {
      producer.send(EventCodec.toRecord(event)).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot publish " + event.id(), e);
    }
  }

  /** A new tenant whose send.requests partition is A's: the two share a consumer. */
  static String samePartitionAs(String a) throws Exception {
    int partitions;
    try (Admin admin = Admin.create(KafkaBroker.clientProperties())) {
      partitions =
          admin
              .describeTopics(List.of("send.requests"))
              .allTopicNames()
              .get(30, TimeUnit.SECONDS)
              .get("send.requests")
              .partitions()
              .size();
    }
    int target = TenantPartitioner.forTenant(a, partitions);
    String b = SampleEvents.newTenantId();
    while (TenantPartitioner.forTenant(b, partitions) != target) {
      b = SampleEvents.newTenantId();
    }
    return b;
  }

  /**
   * Parks {@code n} ACCEPTED rows of a suspended tenant directly in SQL, as intake stores them
   * (same columns, a real request's JSON, the history trigger fires), in batches of 100,000:
   * through Kafka a million takes minutes.
   */
  static void park(String tenant, int n) throws IOException {
    SendRequest template = SesTenants.request(tenant, "p-MSGID", Stream.MARKETING).data();
    String json = ContractJson.mapper().writeValueAsString(template);
    int batch = 100_000;
    for (int done = 0; done < n; done += batch) {
      String inserted =
          TestDatabase.queryString(
              "sending",
              "WITH ins AS (INSERT INTO message (tenant_id, message_id, mailbox, recipient_domain,"
                  + " stream, status, priority, request, received_at, updated_at)"
                  + " SELECT ?, 'p-' || g, ?, 'simulator.amazonses.com', 'MARKETING', 'ACCEPTED',"
                  + " 1, replace(?, 'p-MSGID', 'p-' || g), now(), now()"
                  + " FROM generate_series(?::int, ?::int) g RETURNING 1) SELECT count(*) FROM ins",
              tenant,
              SesTenants.mailbox(tenant),
              json,
              done + 1,
              Math.min(n, done + batch));
      assertThat(Long.parseLong(inserted)).isEqualTo(Math.min(batch, n - done));
    }
  }

  /** Deletes the tenant's queued rows (so later scenarios start without them). */
  static long deleteQueued(String tenant) {
    return Long.parseLong(
        TestDatabase.queryString(
            "sending",
            "WITH d AS (DELETE FROM message WHERE tenant_id = ? AND status = 'ACCEPTED'"
                + " RETURNING 1) SELECT count(*) FROM d",
            tenant));
  }

  /**
   * Of the tenant's messages whose id starts with {@code prefix}: p50, p99 and max of the time from
   * the request (its requestedAt, set when produced) to its row in the ledger, in ms.
   */
  static String intakeDelay(String tenant, String prefix) {
    return TestDatabase.queryString(
        "sending",
        "SELECT format('p50 %s ms, p99 %s ms, max %s ms', round(percentile_cont(0.5) WITHIN"
            + " GROUP (ORDER BY d)), round(percentile_cont(0.99) WITHIN GROUP (ORDER BY d)),"
            + " round(max(d))) FROM (SELECT extract(epoch FROM received_at"
            + " - (request::jsonb->>'requestedAt')::timestamptz) * 1000 AS d FROM message"
            + " WHERE tenant_id = ? AND message_id LIKE ?) x",
        tenant,
        prefix + "%");
  }

  /**
   * The tenant's eight slowest messages whose id starts with {@code prefix} (by the ledger's record
   * of the send), each as "produced at (s since {@code from}): to the ledger + waiting there until
   * claimed + claim to the recorded send" in ms: where the time of the slow ones went.
   */
  static String slowest(String tenant, String prefix, Instant from) {
    return TestDatabase.queryString(
        "sending",
        "SELECT string_agg(format('%ss: %s+%s+%s', round(extract(epoch FROM r - ?::timestamptz),"
            + " 1), "
            + ms("received_at - r")
            + ", "
            + ms("c - received_at")
            + ", "
            + ms("updated_at - c")
            + "), ', ' ORDER BY"
            + " updated_at - r DESC) FROM (SELECT received_at, updated_at, r, (SELECT"
            + " min(changed_at) FROM message_history h WHERE h.tenant_id = m.tenant_id AND"
            + " h.message_id = m.message_id AND h.status = 'SENDING') AS c FROM message m, LATERAL"
            + " (SELECT (request::jsonb->>'requestedAt')::timestamptz AS r) x WHERE tenant_id = ?"
            + " AND message_id LIKE ? ORDER BY updated_at - r DESC LIMIT 8) y",
        java.sql.Timestamp.from(from),
        tenant,
        prefix + "%");
  }

  private static String ms(String interval) {
    return "round(extract(epoch FROM " + interval + ") * 1000)";
  }

  /**
   * The service's intake poll timer so far: polls, and the mean and max (over the last minutes) of
   * the time a poll took to be stored or parked.
   */
  static String intakePolls() {
    String timer = "isolane_sending_intake_poll_seconds";
    double count = ServiceMetrics.sum(timer + "_count");
    return String.format(
        "%,.0f polls, mean %.0f ms, max %.0f ms",
        count,
        count == 0 ? 0 : ServiceMetrics.sum(timer + "_sum") / count * 1000,
        ServiceMetrics.sum(timer + "_max") * 1000);
  }

  /** The service's intake counters: records stored at once and records parked, so far. */
  static String intakePaths() {
    String metrics = io.restassured.RestAssured.get("/q/metrics").then().extract().asString();
    return metrics
        .lines()
        .filter(l -> l.startsWith("isolane_sending_intake_records_total"))
        .map(l -> l.replace("isolane_sending_intake_records_total", ""))
        .sorted()
        .collect(java.util.stream.Collectors.joining(", "));
  }

  static long count(String where, Object... args) {
    return Long.parseLong(
        TestDatabase.queryString("sending", "SELECT count(*) FROM message WHERE " + where, args));
  }

  /**
   * When the row with id {@code last} of table message was stored (ids come from a sequence),
   * polled over one connection: a connection per poll would cost PostgreSQL a backend start each.
   */
  static Instant storedAt(long last) {
    try (Connection c = TestDatabase.connect("sending");
        PreparedStatement max = c.prepareStatement(MAX_ROW_ID)) {
      while (true) {
        try (ResultSet rs = max.executeQuery()) {
          rs.next();
          if (rs.getLong(1) >= last) {
            return Instant.now();
          }
        }
        Thread.sleep(100);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * PostgreSQL's block reads so far in database sending: {read, hit}. A read is a block that was
   * not in shared_buffers (it came from the OS's cache or the disk).
   */
  static long[] blockReads() {
    String both =
        TestDatabase.queryString(
            "sending",
            "SELECT blks_read || ' ' || blks_hit FROM pg_stat_database WHERE datname = 'sending'");
    String[] parts = both.split(" ");
    return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
  }

  /** The newest row id of table message: a sequence, so it counts rows stored. */
  static long maxMessageRowId() {
    return Long.parseLong(TestDatabase.queryString("sending", MAX_ROW_ID));
  }

  /**
   * With {@code -Disolane.pg.statement-stats=true} (the testkit then loads pg_stat_statements):
   * forgets what PostgreSQL counted so far.
   */
  static void resetStatementStats() {
    if (Boolean.getBoolean("isolane.pg.statement-stats")) {
      TestDatabase.execute("sending", "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      TestDatabase.queryString("sending", "SELECT pg_stat_statements_reset()::text");
    }
  }

  /** Prints the statements PostgreSQL spent most time on since the reset, as BENCH sql lines. */
  static void printStatementStats() {
    if (!Boolean.getBoolean("isolane.pg.statement-stats")) {
      return;
    }
    String top =
        TestDatabase.queryString(
            "sending",
            "SELECT string_agg(format('BENCH sql: %s ms in %s calls, %s rows: %s',"
                + " round(total_exec_time), calls, rows, left(regexp_replace(query, '\\s+', ' ',"
                + " 'g'), 120)), E'\\n' ORDER BY total_exec_time DESC) FROM (SELECT * FROM"
                + " pg_stat_statements ORDER BY total_exec_time DESC LIMIT 10) s");
    System.out.println(top);
  }

  /** Heap after full GCs and the process's resident set (Kafka and the simulator included). */
  static String memory() throws Exception {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(300);
    }
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long rssKb =
        Files.readAllLines(Path.of("/proc/self/status")).stream()
            .filter(l -> l.startsWith("VmRSS:"))
            .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
            .findFirst()
            .orElse(-1L);
    return String.format("heap after GC %d MB, RSS %d MB", heap >> 20, rssKb >> 10);
  }

  /**
   * The machine's speed now: milliseconds one thread takes for a fixed piece of CPU work (SHA-256
   * over 32 MB and a map of 200,000 entries), the median of five tries. Run while nothing else is
   * busy, it tells a slow run on a slow machine from a slow run of the code.
   */
  static double calibrationMillis() {
    double[] tries = new double[5];
    for (int i = 0; i < tries.length; i++) {
      long start = System.nanoTime();
      fixedWork();
      tries[i] = (System.nanoTime() - start) / 1e6;
    }
    java.util.Arrays.sort(tries);
    return tries[tries.length / 2];
  }

  private static void fixedWork() {
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      byte[] block = new byte[64 * 1024];
      for (int i = 0; i < 512; i++) {
        sha.update(block);
      }
      Map<Integer, Integer> map = new java.util.HashMap<>();
      for (int i = 0; i < 200_000; i++) {
        map.merge(i * 31 % 200_000, i, Integer::sum);
      }
      block[0] = (byte) (sha.digest()[0] + map.size()); // keeps the work from being optimised away
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Milliseconds the JIT compilers have spent compiling so far. */
  static long compileMillis() {
    return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
  }

  /** CPU seconds used so far by this JVM and by every PostgreSQL process (from /proc). */
  static double[] cpuSeconds() {
    double jvm = ticks(Path.of("/proc/self/stat"));
    double pg = 0;
    try (var dirs = Files.list(Path.of("/proc"))) {
      for (Path dir : dirs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
        Path stat = dir.resolve("stat");
        if (Files.isReadable(stat) && comm(stat).equals("postgres")) {
          pg += ticks(stat);
        }
      }
    } catch (IOException e) {
      pg = Double.NaN;
    }
    return new double[] {jvm / 100, pg / 100}; // USER_HZ is 100 on Linux
  }

  private static String comm(Path stat) {
    try {
      String s = Files.readString(stat);
      return s.substring(s.indexOf('(') + 1, s.lastIndexOf(')'));
    } catch (IOException e) {
      return "";
    }
  }

  /** utime + stime of a /proc stat file (fields 14 and 15). */
  private static double ticks(Path stat) {
    try {
      String s = Files.readString(stat);
      String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return 0; // a process that just exited
    }
  }
}
