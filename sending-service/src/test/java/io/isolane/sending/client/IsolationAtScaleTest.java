package io.isolane.sending.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.events.Stream;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.sending.SendingTestResources;
import io.isolane.sessimulator.state.SendRecord;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.SesSimulatorResource;
import io.isolane.testkit.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The isolation scenario at full size: tenant A has 100,000 queued messages and a 10/s
 * limit, then is suspended; tenant B sends at its own pace throughout, and A's parked mail is sent
 * after resume, each message exactly once, counted on the simulator's record of sends. (B's mail
 * behind A's burst on the same partition, while the burst is still arriving: BurstIntakeTest.)
 */
@QuarkusTest
@WithTestResource(SendingTestResources.class)
class IsolationAtScaleTest {
  private static final Logger LOG = Logger.getLogger(IsolationAtScaleTest.class);
  private static final int BACKLOG = 100_000;

  @BeforeEach
  void setUp() {
    SesSimulatorResource.simulator().setSendingQuota(5_000, 10_000_000);
  }

  @AfterEach
  void tearDown() {
    SesSimulatorResource.simulator().setSendingQuota(1_000, 10_000_000);
    // about 200,000 events of A's: the next test's events must not queue behind them
    Instant start = Instant.now();
    TestDatabase.awaitValue(
        "0", Duration.ofMinutes(3), "sending", "SELECT count(*) FROM outbox_event");
    LOG.infof(
        "outbox drained %d ms after the test", Duration.between(start, Instant.now()).toMillis());
  }

  @Test
  void aHundredThousandMessageBacklogAndASuspensionNeverDelayAnotherTenant() {
    String a = SampleEvents.newTenantId();
    String b = SampleEvents.newTenantId();
    SesTenants.provision(a, 10, 10_000_000);
    SesTenants.provision(b, 50, 10_000_000);
    SesTenants.awaitLane(a, 1);
    SesTenants.awaitLane(b, 1);

    Instant produced = Instant.now();
    List<ContractEvent<SendRequest>> backlog = new ArrayList<>(BACKLOG);
    for (int i = 0; i < BACKLOG; i++) {
      backlog.add(SesTenants.request(a, "a-" + i, Stream.MARKETING));
    }
    ContractKafka.publishAll(backlog);
    await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> queued(a) + sentCount(a) >= BACKLOG);
    LOG.infof(
        "A's %d messages parked in %d s",
        BACKLOG, Duration.between(produced, Instant.now()).toSeconds());
    assertBSendsAtItsOwnPace(b, "b1-"); // while A has its backlog, sending at 10/s

    SesTenants.publish(a, TenantStatus.SUSPENDED, 2, 10, 10_000_000);
    SesTenants.awaitLane(a, 2);
    FlowChecks.awaitQuiet(a);
    int sentBeforeResume = SesTenants.sent(a).size();
    assertBSendsAtItsOwnPace(b, "b2-"); // while A is suspended
    assertThat(sendsOf(a)).hasSize(sentBeforeResume).as("nothing of A sent while suspended");

    Instant resumed = Instant.now();
    SesTenants.publish(a, TenantStatus.ACTIVE, 3, 5_000, 10_000_000);
    await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> sendsOf(a).size() >= BACKLOG);
    LOG.infof(
        "A's backlog sent %d s after resume", Duration.between(resumed, Instant.now()).toSeconds());
    Map<String, Long> perMessage =
        sendsOf(a).stream()
            .collect(
                Collectors.groupingBy(r -> r.tags().get("isolane-message"), Collectors.counting()));
    assertThat(perMessage).as("every message of A exactly once").hasSize(BACKLOG);
    assertThat(perMessage.values()).allMatch(n -> n == 1L);
    assertThat(FlowChecks.ledger(a)).isEqualTo("SENT=" + BACKLOG + " ");
  }

  /** B's 100 messages go out at B's 50/s: about two seconds, whatever A is doing. */
  private static void assertBSendsAtItsOwnPace(String b, String prefix) {
    List<ContractEvent<SendRequest>> burst = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      burst.add(SesTenants.request(b, prefix + i, Stream.TRANSACTIONAL));
    }
    Instant start = Instant.now();
    ContractKafka.publishAll(burst);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                sendsOf(b).stream()
                        .filter(r -> r.tags().get("isolane-message").startsWith(prefix))
                        .count()
                    >= 100);
    List<Instant> times =
        sendsOf(b).stream()
            .filter(r -> r.tags().get("isolane-message").startsWith(prefix))
            .map(SendRecord::sentAt)
            .sorted()
            .toList();
    Duration took = Duration.between(start, times.get(times.size() - 1));
    LOG.infof("B's 100 messages (%s) sent in %d ms", prefix, took.toMillis());
    assertThat(took).isLessThan(Duration.ofSeconds(6));
    assertThat(FlowChecks.perSecondPeak(times)).isLessThanOrEqualTo(60);
  }

  private static List<SendRecord> sendsOf(String tenant) {
    return SesSimulatorResource.simulator().state().sendLog.stream()
        .filter(r -> ("isl-" + tenant).equals(r.tenantName()))
        .toList();
  }

  private static int sentCount(String tenant) {
    return sendsOf(tenant).size();
  }

  private static long queued(String tenant) {
    return Long.parseLong(
        TestDatabase.queryString(
            "sending",
            "SELECT count(*) FROM message WHERE tenant_id = ? AND status = 'ACCEPTED'",
            tenant));
  }
}
