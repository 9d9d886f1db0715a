package io.isolane.testkit;

import io.isolane.sessimulator.SesSimulator;
import io.isolane.sessimulator.SimulatorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the testkit's Kafka broker, PostgreSQL server and the SES simulator for a local stack,
 * creates every service's database, writes their coordinates to an env file and waits until it is
 * killed. Used by {@code deploy/local/run.sh}; the PostgreSQL reaper stops the database however
 * this JVM ends.
 */
public final class LocalInfra {
  /** The database of each service, as the services' README files name them. */
  static final List<String> DATABASES =
      List.of("tenant", "sending", "warmup", "feedback", "replies");

  /** Where the local stack's SES simulator listens. */
  static final int SES_PORT = 8086;

  private LocalInfra() {}

  /** Argument: the env file to write. */
  public static void main(String[] args) throws IOException, InterruptedException {
    Path envFile = Path.of(args.length > 0 ? args[0] : "local-infra.env");
    String kafka = KafkaBroker.bootstrapServers();
    PgServer pg = Postgres.server();
    SesSimulator ses = SesSimulator.start(SimulatorConfig.defaults().withPort(SES_PORT));
    DATABASES.forEach(Postgres::database);
    String env =
        String.join(
            "\n",
            "KAFKA_BOOTSTRAP_SERVERS=" + kafka,
            "PG_HOST=" + pg.host(),
            "PG_PORT=" + pg.port(),
            "QUARKUS_DATASOURCE_USERNAME=" + pg.user(),
            "QUARKUS_DATASOURCE_PASSWORD=" + pg.password(),
            "ISOLANE_AWS_ENDPOINT_OVERRIDE=" + ses.endpoint(),
            "");
    Path tmp = Files.createTempFile(envFile.toAbsolutePath().getParent(), "infra", ".env");
    Files.writeString(tmp, env);
    Files.move(tmp, envFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    System.out.println(
        "infrastructure ready: kafka "
            + kafka
            + ", postgresql on port "
            + pg.port()
            + ", SES simulator at "
            + ses.endpoint());
    Thread.currentThread().join();
  }
}
