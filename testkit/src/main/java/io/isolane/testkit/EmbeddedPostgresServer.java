package io.isolane.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * PostgreSQL from the zonky binaries jar, started in a temporary data directory.
 *
 * <p>PostgreSQL is a separate process, so it could outlive a killed test JVM. Two things stop that:
 * a shutdown hook closes it on a normal exit, and a reaper (a detached {@code sh} loop) watches the
 * JVM's pid and, once the JVM is gone however it ended, sends the postmaster SIGQUIT (immediate
 * shutdown) and deletes the data directory.
 */
final class EmbeddedPostgresServer {
  private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);

  /** System property that loads pg_stat_statements into the server. */
  static final String STATEMENT_STATS = "isolane.pg.statement-stats";

  /** System property that logs lock waits over 50 ms, every autovacuum run and checkpoints. */
  static final String LOG_WAITS = "isolane.pg.log-waits";

  private static volatile Path lastDataDirectory;

  private EmbeddedPostgresServer() {}

  static PgServer start() {
    long started = System.nanoTime();
    try {
      Path dataDir = Files.createTempDirectory("isolane-pg-");
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(true)
              // throwaway cluster: durability off for speed; never do this in production
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .setServerConfig("full_page_writes", "off")
              .setServerConfig("max_connections", "200")
              // a test that stalls on the database says so in its log: statements over 5 s,
              // lock waits over deadlock_timeout (1 s here unless log-waits lowers it)
              .setServerConfig("log_min_duration_statement", "5s")
              .setServerConfig("log_lock_waits", "on");
      if (Boolean.getBoolean(STATEMENT_STATS)) {
        // for profiling a benchmark: CREATE EXTENSION pg_stat_statements, then read the view
        builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
      }
      if (Boolean.getBoolean(LOG_WAITS)) {
        // for finding a benchmark's stalls in the database's log
        builder.setServerConfig("deadlock_timeout", "50ms");
        builder.setServerConfig("log_autovacuum_min_duration", "0");
        builder.setServerConfig("log_checkpoints", "on");
      }
      EmbeddedPostgres pg = builder.start();
      startReaper(dataDir);
      lastDataDirectory = dataDir;
      LOG.infof(
          "embedded PostgreSQL on port %d (%d ms)",
          pg.getPort(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      return new PgServer("localhost", pg.getPort(), "postgres", "");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
    }
  }

  /** Data directory of the server this JVM started last (for the cleanup test). */
  static Path lastDataDirectory() {
    return lastDataDirectory;
  }

  private static void startReaper(Path dataDir) throws IOException {
    String postmasterPid =
        Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.US_ASCII)
            .get(0)
            .trim();
    long jvmPid = ProcessHandle.current().pid();
    String script =
        "while kill -0 "
            + jvmPid
            + " 2>/dev/null; do sleep 1; done; kill -QUIT "
            + postmasterPid
            + " 2>/dev/null; sleep 2; rm -rf '"
            + dataDir
            + "'";
    // setsid: the reaper must survive a signal sent to the JVM's whole process group
    new ProcessBuilder("setsid", "sh", "-c", script)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
  }
}
