package io.isolane.sending.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.events.Stream;
import io.isolane.sending.SendingTestResources;
import io.isolane.sessimulator.state.SendRecord;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.SesSimulatorResource;
import io.isolane.testkit.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kills the packaged service with SIGKILL in the middle of sending and starts it again: every
 * message ends up sent exactly once (as SES recorded it) or in_doubt, and none is missing.
 */
class CrashRecoveryIT {
  private static final int MESSAGES = 3_000;
  private static final SendingTestResources RESOURCES = new SendingTestResources();
  private static Map<String, String> config;

  @BeforeAll
  static void startInfrastructure() {
    config = RESOURCES.start();
  }

  @AfterAll
  static void stopInfrastructure() {
    RESOURCES.stop();
  }

  @Test
  void aKilledServiceSendsEveryMessageOnceOrMarksItInDoubtAfterRestart() throws Exception {
    String tenant = SampleEvents.newTenantId();
    SesTenants.provision(tenant, 200, 10_000_000);
    Process first = start("first");
    List<ContractEvent<SendRequest>> requests = new ArrayList<>();
    for (int i = 0; i < MESSAGES; i++) {
      requests.add(SesTenants.request(tenant, "m-" + i, Stream.MARKETING));
    }
    ContractKafka.publishAll(requests);
    await().atMost(Duration.ofSeconds(90)).until(() -> sends(tenant).size() >= 600);
    first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, claims in flight

    int sentAtKill = sends(tenant).size();
    Process second = start("second");
    try {
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> settled(tenant) == MESSAGES);
    } finally {
      second.destroy();
      second.waitFor();
    }

    Map<String, Long> timesSent =
        sends(tenant).stream()
            .collect(
                Collectors.groupingBy(r -> r.tags().get("isolane-message"), Collectors.counting()));
    Map<String, String[]> ledger = ledger(tenant);
    long inDoubt = ledger.values().stream().filter(r -> r[0].equals("IN_DOUBT")).count();
    System.out.printf(
        "crash recovery: %d of %d sent when killed, %d sent in all, %d in doubt%n",
        sentAtKill, MESSAGES, timesSent.size(), inDoubt);
    assertThat(sentAtKill).as("killed mid-stream").isLessThan(MESSAGES);
    assertThat(timesSent.size())
        .as("the restarted service sent the rest")
        .isGreaterThan(sentAtKill);
    assertThat(ledger).as("no message missing").hasSize(MESSAGES);
    assertThat(timesSent.values()).as("none sent twice").allMatch(n -> n == 1L);
    assertThat(ledger.keySet()).containsAll(timesSent.keySet());
    Map<String, String> sesIds =
        sends(tenant).stream()
            .collect(Collectors.toMap(r -> r.tags().get("isolane-message"), SendRecord::messageId));
    ledger.forEach(
        (id, row) -> {
          if (row[0].equals("SENT")) {
            assertThat(sesIds).as("%s is SENT", id).containsEntry(id, row[1]);
          } else {
            assertThat(row[0]).as("%s is SENT or IN_DOUBT", id).isEqualTo("IN_DOUBT");
          }
        });
  }

  /** Messages in a final state (SENT or IN_DOUBT) with nothing left queued or claimed. */
  private static long settled(String tenant) {
    return Long.parseLong(
        TestDatabase.queryString(
            "sending",
            "SELECT count(*) FROM message WHERE tenant_id = ? AND status IN ('SENT', 'IN_DOUBT')",
            tenant));
  }

  /** message id -> {status, SES message id}. */
  private static Map<String, String[]> ledger(String tenant) {
    String rows =
        TestDatabase.queryString(
            "sending",
            "SELECT string_agg(message_id || ':' || status || ':' || coalesce(ses_message_id, ''),"
                + " ',') FROM message WHERE tenant_id = ?",
            tenant);
    Map<String, String[]> out = new HashMap<>();
    Arrays.stream(rows.split(","))
        .map(r -> r.split(":", -1))
        .forEach(r -> out.put(r[0], new String[] {r[1], r[2]}));
    return out;
  }

  private static List<SendRecord> sends(String tenant) {
    return SesSimulatorResource.simulator().state().sendLog.stream()
        .filter(r -> ("isl-" + tenant).equals(r.tenantName()))
        .toList();
  }

  /** The packaged application (prod profile) against this test's infrastructure. */
  private static Process start(String name) throws Exception {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    config.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.addAll(
        List.of(
            "-Dquarkus.http.port=" + port,
            "-Dquarkus.log.console.json.enabled=false",
            "-Dkafka.session.timeout.ms=6000",
            "-Disolane.sending.in-doubt-after=3s",
            "-Disolane.sending.sweep-interval=1s",
            "-Disolane.sending.account-refresh=2s",
            "-jar",
            "target/quarkus-app/quarkus-run.jar"));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(new File("target/crash-recovery-" + name + ".log"))
            .start();
    awaitReady(process, port);
    return process;
  }

  private static void awaitReady(Process process, int port) {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).build();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              assertThat(process.isAlive()).as("the service is running").isTrue();
              try {
                return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
              } catch (IOException e) {
                return false;
              }
            });
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
