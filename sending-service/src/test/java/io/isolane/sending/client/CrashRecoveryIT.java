package io.isolane.sending.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.events.Stream;
import io.isolane.sending.SendingTestResources;
import io.isolane.sessimulator.state.SendRecord;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.PackagedApp;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.SesSimulatorResource;
import io.isolane.testkit.TestDatabase;
import java.nio.file.Path;
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
    PackagedApp first = start("first");
    List<ContractEvent<SendRequest>> requests = new ArrayList<>();
    for (int i = 0; i < MESSAGES; i++) {
      requests.add(SesTenants.request(tenant, "m-" + i, Stream.MARKETING));
    }
    ContractKafka.publishAll(requests);
    await().atMost(Duration.ofSeconds(90)).until(() -> sends(tenant).size() >= 600);
    first.kill(); // SIGKILL: no shutdown hook, claims in flight

    int sentAtKill = sends(tenant).size();
    PackagedApp second = start("second");
    try {
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> settled(tenant) == MESSAGES);
    } finally {
      second.close();
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
  private static PackagedApp start(String name) throws Exception {
    Map<String, String> properties = new HashMap<>(config);
    properties.putAll(
        Map.of(
            "kafka.session.timeout.ms", "6000",
            "isolane.sending.in-doubt-after", "3s",
            "isolane.sending.sweep-interval", "1s",
            "isolane.sending.account-refresh", "2s"));
    return PackagedApp.start(
        Path.of("target/quarkus-app/quarkus-run.jar"),
        properties,
        Path.of("target/crash-recovery-" + name + ".log"));
  }
}
