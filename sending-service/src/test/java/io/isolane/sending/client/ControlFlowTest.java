package io.isolane.sending.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.Stream;
import io.isolane.contracts.events.TenantCommand;
import io.isolane.contracts.unsubscribe.UnsubscribeToken;
import io.isolane.contracts.unsubscribe.UnsubscribeTokens;
import io.isolane.sending.SendingTestResources;
import io.isolane.sessimulator.state.SentMessage;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.TestDatabase;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Suppressions, pause/resume commands and one-click unsubscribe, proven at the simulator. */
@QuarkusTest
@WithTestResource(SendingTestResources.class)
class ControlFlowTest {
  private static final Pattern LINK =
      Pattern.compile("List-Unsubscribe: <https://unsubscribe\\.test\\.example/u/([^>]+)>");
  private TopicWatcher<EmailEvent> events;

  @BeforeEach
  void setUp() {
    events = ContractKafka.watch(EventTypes.EMAIL_EVENT);
  }

  @AfterEach
  void tearDown() {
    events.close();
  }

  @Test
  void aSuppressedRecipientIsNeverSentToAndOnlyForItsTenant() {
    String tenant = SampleEvents.newTenantId();
    String other = SampleEvents.newTenantId();
    SesTenants.provision(tenant, 50, 100_000);
    SesTenants.provision(other, 50, 100_000);
    ControlEvents.suppression(tenant, "Gone@Example.test", true);
    awaitSuppressions(tenant, 1);

    ContractKafka.publish(transactional(tenant, "alone", List.of("gone@example.test"), List.of()));
    ContractKafka.publish(
        transactional(tenant, "with-cc", List.of("ok@example.test"), List.of("gone@example.test")));
    ContractKafka.publish(
        transactional(other, "elsewhere", List.of("gone@example.test"), List.of()));

    EmailEvent suppressed = awaitEvent(tenant, "alone", EmailEventType.SUPPRESSED);
    assertThat(suppressed.reason()).contains("gone@example.test");
    EmailEvent sent = awaitEvent(tenant, "with-cc", EmailEventType.SENT);
    assertThat(sent.reason()).isEqualTo("not sent to suppressed gone@example.test");
    awaitEvent(other, "elsewhere", EmailEventType.SENT);
    SentMessage withCc = SesTenants.sent(tenant).get(0);
    assertThat(withCc.to()).containsExactly("ok@example.test");
    assertThat(withCc.cc()).isEmpty();
    assertThat(SesTenants.sent(tenant)).hasSize(1);
    assertThat(FlowChecks.ledger(tenant)).contains("SUPPRESSED=1");

    ControlEvents.suppression(tenant, "gone@example.test", false);
    await().atMost(Duration.ofSeconds(10)).until(() -> suppressedCount(tenant) == 0);
    ContractKafka.publish(transactional(tenant, "lifted", List.of("gone@example.test"), List.of()));
    awaitEvent(tenant, "lifted", EmailEventType.SENT);
  }

  @Test
  void pauseAndResumeOfATenantTakeEffectWithinASecond() {
    String tenant = SampleEvents.newTenantId();
    SesTenants.provision(tenant, 20, 100_000);
    for (int i = 0; i < 200; i++) {
      ContractKafka.publish(SesTenants.request(tenant, "steady-" + i, Stream.MARKETING));
    }
    FlowChecks.awaitSent(tenant, 20, Duration.ofSeconds(20));
    // a no-op resume first: the timing below is the steady state, not the consumer's first fetch
    ControlEvents.command(tenant, TenantCommand.Action.RESUME, TenantCommand.Scope.TENANT, null);
    awaitHolds(tenant, 1);

    Instant paused = Instant.now();
    ControlEvents.command(tenant, TenantCommand.Action.PAUSE, TenantCommand.Scope.TENANT, null);
    FlowChecks.awaitQuiet(tenant);
    Instant lastSend = lastSend(tenant);
    assertThat(Duration.between(paused, lastSend)).isLessThan(Duration.ofSeconds(1));
    int sentWhilePaused = SesTenants.sent(tenant).size();
    assertThat(sentWhilePaused).isLessThan(200);

    Instant resumed = Instant.now();
    ControlEvents.command(tenant, TenantCommand.Action.RESUME, TenantCommand.Scope.TENANT, null);
    FlowChecks.awaitSent(tenant, sentWhilePaused + 1, Duration.ofSeconds(5));
    Instant firstAfter =
        SesTenants.sent(tenant).stream()
            .map(SentMessage::sentAt)
            .filter(t -> t.isAfter(resumed))
            .min(Instant::compareTo)
            .orElseThrow();
    assertThat(Duration.between(resumed, firstAfter)).isLessThan(Duration.ofSeconds(1));
    FlowChecks.awaitSent(tenant, 200, Duration.ofSeconds(30));
    assertThat(FlowChecks.idsOf(SesTenants.sent(tenant))).hasSize(200);
  }

  @Test
  void aPausedDomainOrMailboxHoldsItsMailUntilResumed() {
    String tenant = SampleEvents.newTenantId();
    SesTenants.provision(tenant, 50, 100_000);
    String domain = "mail." + tenant + ".example";
    SesTenants.awaitLane(tenant, 1); // a command for a tenant not known yet is left to its state
    ControlEvents.command(tenant, TenantCommand.Action.PAUSE, TenantCommand.Scope.DOMAIN, domain);
    awaitHolds(tenant, 1);

    ContractKafka.publish(SesTenants.request(tenant, "held", Stream.TRANSACTIONAL));
    FlowChecks.awaitEvent(events, tenant, "held", EmailEventType.ACCEPTED);
    FlowChecks.awaitQuiet(tenant);
    assertThat(SesTenants.sent(tenant)).isEmpty();

    ControlEvents.command(
        tenant, TenantCommand.Action.RESUME, TenantCommand.Scope.DOMAIN, domain.toUpperCase());
    awaitEvent(tenant, "held", EmailEventType.SENT);

    ControlEvents.command(
        tenant,
        TenantCommand.Action.PAUSE,
        TenantCommand.Scope.MAILBOX,
        SesTenants.mailbox(tenant));
    awaitHolds(tenant, 2);
    ContractKafka.publish(SesTenants.request(tenant, "held-2", Stream.TRANSACTIONAL));
    FlowChecks.awaitEvent(events, tenant, "held-2", EmailEventType.ACCEPTED);
    FlowChecks.awaitQuiet(tenant);
    assertThat(SesTenants.sent(tenant)).hasSize(1);
  }

  @Test
  void marketingMailCarriesAOneClickUnsubscribeLinkOnlyItsTenantCanUse() {
    String tenant = SampleEvents.newTenantId();
    SesTenants.provision(tenant, 50, 100_000);

    ContractKafka.publish(SesTenants.request(tenant, "promo", Stream.MARKETING));
    ContractKafka.publish(SesTenants.request(tenant, "receipt", Stream.TRANSACTIONAL));
    ContractKafka.publish(
        SesTenants.request(
            tenant,
            "two",
            Stream.MARKETING,
            null,
            List.of("a@example.test"),
            List.of("b@example.test")));

    awaitEvent(tenant, "promo", EmailEventType.SENT);
    awaitEvent(tenant, "receipt", EmailEventType.SENT);
    assertThat(awaitEvent(tenant, "two", EmailEventType.FAILED).reason())
        .contains("exactly one recipient");
    String promo = mimeOf(tenant, "promo");
    assertThat(promo).contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    Matcher link = LINK.matcher(promo);
    assertThat(link.find()).as("List-Unsubscribe header in %s", promo).isTrue();
    UnsubscribeToken token =
        new UnsubscribeTokens("t1", Map.of("t1", SendingTestResources.UNSUBSCRIBE_SECRET))
            .verify(link.group(1));
    assertThat(token.tenantId()).isEqualTo(tenant);
    assertThat(token.recipient()).isEqualTo("success+promo@simulator.amazonses.com");
    assertThat(token.messageId()).isEqualTo("promo");
    assertThat(mimeOf(tenant, "receipt")).doesNotContain("List-Unsubscribe");
  }

  @Test
  void mailOfAMailboxTheTenantDoesNotHaveFailsWithTheReason() {
    String tenant = SampleEvents.newTenantId();
    SesTenants.provision(tenant, 50, 100_000);
    io.isolane.contracts.events.SendRequest r =
        SesTenants.request(tenant, "stranger", Stream.TRANSACTIONAL).data();
    String stranger = "nobody@mail." + tenant + ".example";
    ContractKafka.publish(
        io.isolane.contracts.ContractEvent.of(
            EventTypes.SEND_REQUEST, "/test", r.withMailbox(stranger)));

    EmailEvent failed = awaitEvent(tenant, "stranger", EmailEventType.FAILED);
    assertThat(failed.reason()).isEqualTo("mailbox " + stranger + " is not one of the tenant's");
    assertThat(SesTenants.sent(tenant)).isEmpty();
  }

  private EmailEvent awaitEvent(String tenant, String messageId, EmailEventType type) {
    return FlowChecks.awaitEvent(events, tenant, messageId, type).data();
  }

  private static String mimeOf(String tenant, String messageId) {
    return SesTenants.sent(tenant).stream()
        .filter(m -> messageId.equals(m.tags().get("isolane-message")))
        .findFirst()
        .orElseThrow()
        .mime();
  }

  private static Instant lastSend(String tenant) {
    return SesTenants.sent(tenant).stream()
        .map(SentMessage::sentAt)
        .max(Instant::compareTo)
        .orElseThrow();
  }

  private static io.isolane.contracts.ContractEvent<io.isolane.contracts.events.SendRequest>
      transactional(String tenant, String id, List<String> to, List<String> cc) {
    return SesTenants.request(tenant, id, Stream.TRANSACTIONAL, null, to, cc);
  }

  private static long suppressedCount(String tenant) {
    return Long.parseLong(
        TestDatabase.queryString(
            "sending",
            "SELECT count(*) FROM suppression WHERE tenant_id = ? AND suppressed",
            tenant));
  }

  private static void awaitSuppressions(String tenant, long n) {
    await().atMost(Duration.ofSeconds(10)).until(() -> suppressedCount(tenant) == n);
  }

  private static void awaitHolds(String tenant, int n) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                String.valueOf(n)
                    .equals(
                        TestDatabase.queryString(
                            "sending",
                            "SELECT count(*) FROM command_hold WHERE tenant_id = ?",
                            tenant)));
  }
}
