package io.isolane.sending.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.MailboxLimits;
import io.isolane.contracts.events.Stream;
import io.isolane.sending.SendingTestResources;
import io.isolane.sessimulator.state.SentMessage;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.SesSimulatorResource;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Warm-up limits per mailbox, proven on what reached the simulator (counts and timestamps). */
@QuarkusTest
@WithTestResource(SendingTestResources.class)
class LimitsFlowTest {
  private static final List<Integer> EVERY_DAY = List.of(1, 2, 3, 4, 5, 6, 7);
  private TopicWatcher<EmailEvent> events;

  @BeforeEach
  void setUp() {
    SesSimulatorResource.simulator().setSendingQuota(1_000, 10_000_000);
    events = ContractKafka.watch(EventTypes.EMAIL_EVENT);
  }

  @AfterEach
  void tearDown() {
    events.close();
  }

  @Test
  void aMailboxNeverSendsMoreThanItsDailyCap() {
    String tenant = SampleEvents.newTenantId();
    SesTenants.provision(tenant, 50, 100_000);
    limitsApplied(tenant, 5, 0, 0, null, null);

    publish(tenant, "cap-", 12, Stream.MARKETING);

    FlowChecks.awaitSent(tenant, 5, Duration.ofSeconds(20));
    FlowChecks.awaitQuiet(tenant);
    assertThat(SesTenants.sent(tenant)).hasSize(5);
    assertThat(FlowChecks.ledger(tenant)).contains("ACCEPTED=7").contains("SENT=5");
  }

  @Test
  void sendsOfAMailboxAreSpacedWithJitter() {
    String tenant = SampleEvents.newTenantId();
    SesTenants.provision(tenant, 50, 100_000);
    limitsApplied(tenant, 100, 1, 1, null, null);

    publish(tenant, "spaced-", 5, Stream.MARKETING);

    FlowChecks.awaitSent(tenant, 5, Duration.ofSeconds(30));
    List<Instant> times =
        SesTenants.sent(tenant).stream().map(SentMessage::sentAt).sorted().toList();
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < times.size(); i++) {
      gaps.add(Duration.between(times.get(i - 1), times.get(i)).toMillis());
    }
    // at least the 1 s spacing, at most spacing + 1 s jitter (plus a scheduler tick or two)
    assertThat(gaps).allSatisfy(g -> assertThat(g).isBetween(950L, 2_300L));
    long spread =
        gaps.stream().mapToLong(Long::longValue).max().getAsLong()
            - gaps.stream().mapToLong(Long::longValue).min().getAsLong();
    assertThat(spread).as("jitter varies the gaps %s", gaps).isGreaterThan(20L);
  }

  @Test
  void nothingIsSentOutsideTheSendingWindow() {
    String tenant = SampleEvents.newTenantId();
    SesTenants.provision(tenant, 50, 100_000);
    int hour = Instant.now().atZone(ZoneOffset.UTC).getHour();
    int start = (hour + 2) % 24;
    limitsApplied(tenant, 100, 0, 0, window(start, start + 1), null);

    publish(tenant, "window-", 3, Stream.TRANSACTIONAL);
    FlowChecks.awaitEvent(events, tenant, "window-2", EmailEventType.ACCEPTED);
    FlowChecks.awaitQuiet(tenant);
    assertThat(SesTenants.sent(tenant)).isEmpty();

    ControlEvents.limits(tenant, 100, 0, 0, window(0, 24), null);
    FlowChecks.awaitSent(tenant, 3, Duration.ofSeconds(10));
  }

  @Test
  void aMailboxSendsAtMostItsHourlyCapToOneRecipientDomain() {
    String tenant = SampleEvents.newTenantId();
    SesTenants.provision(tenant, 50, 100_000);
    limitsApplied(tenant, 100, 0, 0, null, 3);

    for (int i = 0; i < 6; i++) {
      ContractKafka.publish(to(tenant, "g-" + i, "user" + i + "@gmail.test"));
    }
    for (int i = 0; i < 2; i++) {
      ContractKafka.publish(to(tenant, "y-" + i, "user" + i + "@yahoo.test"));
    }

    FlowChecks.awaitSent(tenant, 5, Duration.ofSeconds(20));
    EmailEvent deferred =
        events
            .await(
                e ->
                    e.subject().equals(tenant)
                        && e.data().type() == EmailEventType.DEFERRED
                        && e.data().messageId().startsWith("g-"))
            .data();
    assertThat(deferred.reason()).contains("hourly cap").contains("gmail.test");
    FlowChecks.awaitQuiet(tenant);
    List<String> domains =
        SesTenants.sent(tenant).stream().map(m -> m.to().get(0).replaceAll(".*@", "")).toList();
    assertThat(domains).filteredOn("gmail.test"::equals).hasSize(3);
    assertThat(domains).filteredOn("yahoo.test"::equals).hasSize(2);
  }

  private void limitsApplied(
      String tenant,
      int cap,
      int spacing,
      int jitter,
      MailboxLimits.SendingWindow window,
      Integer domainCap) {
    ControlEvents.limits(tenant, cap, spacing, jitter, window, domainCap);
    ControlEvents.awaitLimitsStored(tenant);
  }

  private static MailboxLimits.SendingWindow window(int startHour, int endHour) {
    return new MailboxLimits.SendingWindow("UTC", EVERY_DAY, startHour, endHour);
  }

  private static void publish(String tenant, String prefix, int n, Stream stream) {
    IntStream.range(0, n)
        .forEach(i -> ContractKafka.publish(SesTenants.request(tenant, prefix + i, stream)));
  }

  private static io.isolane.contracts.ContractEvent<io.isolane.contracts.events.SendRequest> to(
      String tenant, String id, String address) {
    return SesTenants.request(tenant, id, Stream.MARKETING, null, List.of(address), List.of());
  }
}
