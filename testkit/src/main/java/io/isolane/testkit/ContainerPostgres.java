package io.isolane.testkit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL in a container, for machines with a Docker engine. Ryuk removes it after the JVM. */
final class ContainerPostgres {
  private static final String IMAGE = "postgres:17-alpine";

  private ContainerPostgres() {}

  static boolean dockerAvailable() {
    // ask Testcontainers only when an engine could be there: it logs errors when none is
    boolean hinted =
        System.getenv("DOCKER_HOST") != null
            || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"));
    if (!hinted) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  @SuppressWarnings("resource") // lives as long as the JVM; Ryuk reaps it
  static PgServer start() {
    PostgreSQLContainer container =
        new PostgreSQLContainer(IMAGE)
            .withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off");
    container.start();
    return new PgServer(
        container.getHost(),
        container.getMappedPort(5432),
        container.getUsername(),
        container.getPassword());
  }
}
