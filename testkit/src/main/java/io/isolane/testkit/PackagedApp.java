package io.isolane.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service's packaged application ({@code target/quarkus-app/quarkus-run.jar}, prod profile) run
 * as a child process of the test JVM, against the test's infrastructure: started with the given
 * configuration on a free port, and returned once {@code /q/health/ready} answers 200.
 */
public final class PackagedApp implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  private final Process process;
  private final int port;

  private PackagedApp(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts {@code jar} with {@code config} as system properties, its console output to {@code log},
   * and waits until it is ready.
   */
  public static PackagedApp start(Path jar, Map<String, String> config, Path log)
      throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "no packaged application at "
              + jar.toAbsolutePath()
              + ": build its module first (./mvnw -B verify builds every module in order)");
    }
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    config.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.addAll(
        List.of(
            "-Dquarkus.http.port=" + port,
            "-Dquarkus.log.console.json.enabled=false",
            "-jar",
            jar.toString()));
    Files.createDirectories(log.toAbsolutePath().getParent());
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    PackagedApp app = new PackagedApp(process, port);
    app.awaitReady(log);
    return app;
  }

  /** Where the application listens. */
  public URI uri() {
    return URI.create("http://localhost:" + port);
  }

  /** Kills it with SIGKILL (no shutdown hook) and waits until it is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** Stops it (SIGTERM), and kills it if it is not gone within {@link #STOP_TIMEOUT}. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
    }
  }

  private void awaitReady(Path log) {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest ready = HttpRequest.newBuilder(uri().resolve("/q/health/ready")).build();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the application exited; see " + log.toAbsolutePath());
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
        Thread.sleep(250);
      } catch (IOException e) {
        pause();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("not ready in " + READY_TIMEOUT + "; see " + log);
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
