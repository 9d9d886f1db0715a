package io.isolane.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresTest {

  @Test
  void eachServiceGetsItsOwnDatabase() throws Exception {
    PgServer pg = Postgres.database("svc_a");
    Postgres.database("svc_b");
    Postgres.database("svc_a"); // idempotent

    try (Connection a = DriverManager.getConnection(pg.jdbcUrl("svc_a"), pg.user(), pg.password());
        Statement st = a.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS probe(id int primary key)");
      st.execute("INSERT INTO probe VALUES (1) ON CONFLICT DO NOTHING");
      try (ResultSet rs = st.executeQuery("SELECT current_database(), count(*) FROM probe")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("svc_a");
        assertThat(rs.getInt(2)).isEqualTo(1);
      }
    }
    try (Connection b = DriverManager.getConnection(pg.jdbcUrl("svc_b"), pg.user(), pg.password());
        Statement st = b.createStatement();
        ResultSet rs = st.executeQuery("SELECT to_regclass('probe') IS NULL")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean(1)).as("svc_b does not see svc_a's table").isTrue();
    }
  }

  @Test
  void killingTheJvmStopsItsEmbeddedPostgres() throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                EmbeddedPostgresProbe.class.getName())
            .redirectErrorStream(true)
            .start();
    String[] started = readStartedLine(child);
    long postmasterPid = Long.parseLong(started[1]);
    Path dataDir = Path.of(started[2]);
    assertThat(ProcessHandle.of(postmasterPid)).isPresent();

    child.destroyForcibly().waitFor();

    assertThat(awaitGone(postmasterPid, Duration.ofSeconds(20))).as("postmaster exited").isTrue();
    assertThat(awaitDeleted(dataDir, Duration.ofSeconds(10))).as("data dir removed").isTrue();
  }

  private static String[] readStartedLine(Process child) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("STARTED ")) {
        return line.split(" ");
      }
    }
    throw new AssertionError("probe JVM ended without starting PostgreSQL");
  }

  private static boolean awaitGone(long pid, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ProcessHandle> handle = ProcessHandle.of(pid);
      if (handle.isEmpty() || !handle.get().isAlive()) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }

  private static boolean awaitDeleted(Path dir, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!Files.exists(dir)) {
        return true;
      }
      Thread.sleep(200);
    }
    return !new File(dir.toString()).exists();
  }
}
