package io.isolane.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** A JVM that starts embedded PostgreSQL, reports it, and waits to be killed. */
public final class EmbeddedPostgresProbe {
  private EmbeddedPostgresProbe() {}

  public static void main(String[] args) throws Exception {
    PgServer pg = EmbeddedPostgresServer.start();
    Path dataDir = EmbeddedPostgresServer.lastDataDirectory();
    String pid = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim();
    System.out.println("STARTED " + pid + " " + dataDir + " " + pg.port());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
