package io.isolane.sending.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.ContractJson;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.Stream;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.sending.SendingTestResources;
import io.isolane.sessimulator.state.SentMessage;
import io.isolane.sessimulator.web.OperationGate;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.SesSimulatorResource;
import io.isolane.testkit.TestDatabase;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** From send.requests to SES: fair, paced, prioritised, parked while suspended, never twice. */
@QuarkusTest
@WithTestResource(SendingTestResources.class)
class SendingFlowTest {
  private TopicWatcher<EmailEvent> events;

  @BeforeEach
  void setUp() {
    SesSimulatorResource.simulator().setSendingQuota(1_000, 10_000_000);
    events = ContractKafka.watch(EventTypes.EMAIL_EVENT);
  }

  @AfterEach
  void tearDown() {
    events.close();
    SesSimulatorResource.simulator().setSendingQuota(1_000, 10_000_000);
  }

  @Test
  void aMessageIsSentThroughTheTenantsSesTenantAndConfigurationSetOnce() {
    String tenant = SampleEvents.newTenantId();
    SesTenants.provision(tenant, 50, 10_000);

    ContractKafka.publish(SesTenants.request(tenant, "m-1", Stream.MARKETING));
    ContractKafka.publish(SesTenants.request(tenant, "m-1", Stream.MARKETING)); // redelivery

    EmailEvent sent = awaitEvent(tenant, "m-1", EmailEventType.SENT).data();
    assertThat(sent.sesMessageId()).matches("0100[0-9a-f]{12}-.*");
    List<SentMessage> recorded = SesTenants.sent(tenant);
    assertThat(recorded).hasSize(1);
    SentMessage message = recorded.get(0);
    assertThat(message.messageId()).isEqualTo(sent.sesMessageId());
    assertThat(message.configurationSetName()).isEqualTo(SesTenants.set(tenant, Stream.MARKETING));
    assertThat(message.mime())
        .contains("From: \"Ana Tester\" <" + SesTenants.mailbox(tenant) + ">");
    assertThat(message.tags())
        .containsEntry("isolane-tenant", tenant)
        .containsEntry("isolane-message", "m-1")
        .containsEntry("isolane-campaign", "spring-2026")
        .containsEntry("campaign", "spring");
  }

  @Test
  void aSuspendedTenantsBacklogNeverHoldsAnotherTenantAndIsSentAfterResume() {
    String a = SampleEvents.newTenantId();
    String b = SampleEvents.newTenantId();
    SesTenants.provision(a, 10, 1_000_000);
    SesTenants.provision(b, 50, 1_000_000);
    int backlog = 2_000;
    for (int i = 0; i < backlog; i++) {
      ContractKafka.publish(SesTenants.request(a, "a-" + i, Stream.MARKETING));
    }
    awaitEvent(a, "a-" + (backlog - 1), EmailEventType.ACCEPTED);
    SesTenants.publish(a, TenantStatus.SUSPENDED, 2, 10, 1_000_000);
    FlowChecks.awaitQuiet(a);
    int sentBeforeB = SesTenants.sent(a).size();

    Instant start = Instant.now();
    for (int i = 0; i < 100; i++) {
      ContractKafka.publish(SesTenants.request(b, "b-" + i, Stream.TRANSACTIONAL));
    }
    FlowChecks.awaitSent(b, 100, Duration.ofSeconds(20));
    List<Instant> bTimes = SesTenants.sent(b).stream().map(SentMessage::sentAt).sorted().toList();
    // B's own pace (50/s): 100 messages take about 2 s; A's backlog adds nothing
    assertThat(Duration.between(start, bTimes.get(99))).isLessThan(Duration.ofSeconds(6));
    assertThat(FlowChecks.perSecondPeak(bTimes))
        .isLessThanOrEqualTo(60); // 50/s plus a tenth of burst
    assertThat(SesTenants.sent(a)).hasSize(sentBeforeB); // parked: nothing sent while suspended

    SesTenants.publish(a, TenantStatus.ACTIVE, 3, 200, 1_000_000);
    try {
      await().atMost(Duration.ofSeconds(120)).until(() -> SesTenants.sent(a).size() >= backlog);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "A's backlog not sent after resume: simulator has "
              + SesTenants.sent(a).size()
              + ", ledger "
              + FlowChecks.ledger(a),
          e);
    }
    assertThat(FlowChecks.idsOf(SesTenants.sent(a)))
        .as("every message of A exactly once")
        .hasSize(backlog)
        .allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
  }

  @Test
  void transactionalMailOvertakesAMarketingBurst() {
    String tenant = SampleEvents.newTenantId();
    SesTenants.provision(tenant, 20, 1_000_000);
    for (int i = 0; i < 300; i++) {
      ContractKafka.publish(SesTenants.request(tenant, "mk-" + i, Stream.MARKETING));
    }
    awaitEvent(tenant, "mk-299", EmailEventType.ACCEPTED);
    ContractKafka.publish(SesTenants.request(tenant, "receipt", Stream.TRANSACTIONAL));

    EmailEvent receipt = awaitEvent(tenant, "receipt", EmailEventType.SENT).data();
    long marketingSent =
        SesTenants.sent(tenant).stream().filter(m -> m.subject().startsWith("Hello mk-")).count();
    assertThat(marketingSent)
        .as("the receipt went out long before the burst drained")
        .isLessThan(150);
    assertThat(receipt.stream()).isEqualTo(Stream.TRANSACTIONAL);
  }

  @Test
  void aTenantNeverExceedsItsRate() {
    String tenant = SampleEvents.newTenantId();
    SesTenants.provision(tenant, 5, 1_000_000);
    for (int i = 0; i < 30; i++) {
      ContractKafka.publish(SesTenants.request(tenant, "r-" + i, Stream.MARKETING));
    }
    FlowChecks.awaitSent(tenant, 30, Duration.ofSeconds(60));
    List<Instant> times =
        SesTenants.sent(tenant).stream().map(SentMessage::sentAt).sorted().toList();
    assertThat(FlowChecks.perSecondPeak(times)).isLessThanOrEqualTo(6); // 5/s, one token of burst
    assertThat(Duration.between(times.get(0), times.get(29)))
        .isGreaterThan(Duration.ofMillis(4_500));
  }

  @Test
  void theDailyLimitHoldsTheRestUntilTomorrow() {
    String tenant = SampleEvents.newTenantId();
    SesTenants.provision(tenant, 100, 7);
    for (int i = 0; i < 10; i++) {
      ContractKafka.publish(SesTenants.request(tenant, "d-" + i, Stream.MARKETING));
    }
    FlowChecks.awaitSent(tenant, 7, Duration.ofSeconds(10));
    FlowChecks.awaitQuiet(tenant);
    assertThat(SesTenants.sent(tenant)).hasSize(7);
  }

  @Test
  void expiredMessagesAreNotSent() {
    String tenant = SampleEvents.newTenantId();
    SesTenants.provision(tenant, 50, 10_000);
    ContractKafka.publish(
        SesTenants.request(tenant, "late", Stream.MARKETING, Instant.now().minusSeconds(1)));
    EmailEvent expired = awaitEvent(tenant, "late", EmailEventType.EXPIRED).data();
    assertThat(expired.reason()).startsWith("expired at");
    assertThat(SesTenants.sent(tenant)).isEmpty();
  }

  @Test
  void sesThrottlingIsRetriedUntilEverythingIsSent() {
    String tenant = SampleEvents.newTenantId();
    SesTenants.provision(tenant, 100, 1_000_000);
    SesSimulatorResource.simulator().setSendingQuota(3, 10_000_000);
    // the service re-reads the quota every 2 s here and then paces itself under it: SES's answer
    // to the first sends is made certain rather than left to that race
    SesSimulatorResource.simulator()
        .operations()
        .inject(
            "SendEmail",
            new OperationGate.Fault(
                5, 429, "TooManyRequestsException", "Maximum sending rate exceeded."));
    for (int i = 0; i < 20; i++) {
      ContractKafka.publish(SesTenants.request(tenant, "t-" + i, Stream.MARKETING));
    }
    FlowChecks.awaitSent(tenant, 20, Duration.ofSeconds(90));
    assertThat(FlowChecks.idsOf(SesTenants.sent(tenant))).hasSize(20);
    // SES did throttle, and nothing failed for it
    EmailEvent deferred =
        events
            .await(e -> e.subject().equals(tenant) && e.data().type() == EmailEventType.DEFERRED)
            .data();
    assertThat(deferred.reason()).startsWith("SES throttled");
    assertThat(
            events.seen().stream()
                .filter(r -> tenant.equals(r.key()))
                .map(r -> EventCodec.decode(EventTypes.EMAIL_EVENT, r))
                .filter(e -> e.data().type() == EmailEventType.FAILED))
        .isEmpty();
  }

  /**
   * What a crash between the SES call and its record leaves behind: a claimed message. It turns
   * in_doubt (published), and is never sent again by itself.
   */
  @Test
  void aClaimWhoseOutcomeWasNeverRecordedIsInDoubtAndNotResent() throws Exception {
    String tenant = SampleEvents.newTenantId();
    SesTenants.provision(tenant, 50, 10_000);
    String request =
        ContractJson.mapper()
            .writeValueAsString(SesTenants.request(tenant, "crashed", Stream.MARKETING).data());
    TestDatabase.queryString(
        "sending",
        "INSERT INTO message (tenant_id, message_id, mailbox, stream, status, request, received_at,"
            + " updated_at, claimed_at, attempts) VALUES (?, 'crashed', ?, 'MARKETING', 'SENDING',"
            + " ?, now(), now(), now() - interval '1 hour', 1) RETURNING id",
        tenant,
        SesTenants.mailbox(tenant),
        request);

    EmailEvent inDoubt = awaitEvent(tenant, "crashed", EmailEventType.IN_DOUBT).data();
    assertThat(inDoubt.reason()).contains("may or may not have sent it");
    assertThat(FlowChecks.ledger(tenant)).startsWith("IN_DOUBT=1");
    assertThat(SesTenants.sent(tenant)).isEmpty();
  }

  private ContractEvent<EmailEvent> awaitEvent(
      String tenant, String messageId, EmailEventType type) {
    return FlowChecks.awaitEvent(events, tenant, messageId, type);
  }
}
