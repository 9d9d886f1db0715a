package io.isolane.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.SenderHealth;
import io.isolane.contracts.events.Stream;
import io.isolane.contracts.events.TenantCommand;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.TestDatabase;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Health monitoring end to end: email.events in, sender.health and tenant.commands out. */
@QuarkusTest
@WithTestResource(FeedbackTestResources.class)
class HealthFlowTest {
  private static final EmailEvent.Bounce HARD =
      new EmailEvent.Bounce("permanent", "General", "550 5.1.1 user unknown", "userunknown");

  private TopicWatcher<SenderHealth> health;
  private TopicWatcher<TenantCommand> commands;

  @BeforeEach
  void watch() {
    health = ContractKafka.watch(EventTypes.SENDER_HEALTH);
    commands = ContractKafka.watch(EventTypes.TENANT_COMMAND);
  }

  @AfterEach
  void close() {
    health.close();
    commands.close();
  }

  @Test
  void aComplaintSpikePausesTheRightMailboxAndOnlyIt() {
    String tenant = SampleEvents.newTenantId();
    String ana = "ana@mail." + tenant + ".example";
    String bob = "bob@mail." + tenant + ".example";
    List<ContractEvent<EmailEvent>> events = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      events.add(event(tenant, ana, EmailEventType.SENT, null, null));
      events.add(event(tenant, bob, EmailEventType.SENT, null, null));
    }
    events.add(event(tenant, ana, EmailEventType.COMPLAINED, "x1@example.org", null));
    events.add(event(tenant, bob, EmailEventType.DELIVERED, "y1@example.org", null));
    ContractKafka.publishAll(events);

    ContractEvent<TenantCommand> pause =
        commands.await(c -> c.subject().equals(tenant), Duration.ofSeconds(60));
    assertThat(pause.data().action()).isEqualTo(TenantCommand.Action.PAUSE);
    assertThat(pause.data().scope()).isEqualTo(TenantCommand.Scope.MAILBOX);
    assertThat(pause.data().target()).isEqualTo(ana);
    assertThat(pause.data().reason())
        .isEqualTo("complaints 0.1% of the last 1000 sends, at or over the 0.1% pause threshold");
    ContractEvent<SenderHealth> breach =
        health.await(
            h -> h.subject().equals(tenant) && h.data().scope() == SenderHealth.Scope.MAILBOX);
    assertThat(breach.data().status()).isEqualTo(SenderHealth.Status.BREACH);
    assertThat(breach.data().complaints()).isEqualTo(1);
    assertThat(breach.data().sends()).isEqualTo(1000);
    assertThat(breach.data().pauseCommandId()).isEqualTo(pause.data().commandId());

    // health is judged once per poll, on its figures: the second complaint comes after the pause
    ContractKafka.publish(event(tenant, ana, EmailEventType.COMPLAINED, "x2@example.org", null));
    // after the second complaint the domain's own rate (2 in 2,000: 0.1%) breaches too, but ana
    // explains it: nothing else is paused
    ContractEvent<SenderHealth> domain =
        health.await(
            h ->
                h.subject().equals(tenant)
                    && h.data().scope() == SenderHealth.Scope.SENDING_DOMAIN
                    && h.data().status() == SenderHealth.Status.BREACH);
    assertThat(domain.data().status()).isEqualTo(SenderHealth.Status.BREACH);
    assertThat(domain.data().pauseCommandId()).isNull();
    ContractKafka.publish(event(tenant, bob, EmailEventType.SENT, null, null));
    awaitSends(tenant, "MAILBOX", bob, 1001);
    assertThat(commands.seen().stream().filter(r -> r.key().equals(tenant)).count()).isEqualTo(1);
    assertThat(status(tenant, "MAILBOX", bob)).isEqualTo("HEALTHY");
  }

  @Test
  void hardBouncesWarnThenPauseAndAResumeStartsAfresh() {
    String tenant = SampleEvents.newTenantId();
    String ana = "ana@mail." + tenant + ".example";
    List<ContractEvent<EmailEvent>> events = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      events.add(event(tenant, ana, EmailEventType.SENT, null, null));
    }
    for (int i = 0; i < 2; i++) {
      events.add(event(tenant, ana, EmailEventType.BOUNCED, "gone" + i + "@example.org", HARD));
    }
    ContractKafka.publishAll(events);

    ContractEvent<SenderHealth> warning =
        health.await(
            h -> h.subject().equals(tenant) && h.data().scope() == SenderHealth.Scope.MAILBOX);
    assertThat(warning.data().status()).isEqualTo(SenderHealth.Status.WARNING);
    assertThat(warning.data().hardBounceRate()).isEqualTo(0.02);

    ContractKafka.publishAll(
        List.of(
            event(tenant, ana, EmailEventType.BOUNCED, "gone2@example.org", HARD),
            event(tenant, ana, EmailEventType.BOUNCED, "gone3@example.org", HARD)));
    ContractEvent<TenantCommand> pause = commands.await(c -> c.subject().equals(tenant));
    assertThat(pause.data().target()).isEqualTo(ana);
    assertThat(pause.data().issuer()).isEqualTo("feedback-service/health");

    ContractKafka.publish(
        ContractEvent.of(
            EventTypes.TENANT_COMMAND,
            "/test",
            new TenantCommand(
                UUID.randomUUID().toString(),
                tenant,
                TenantCommand.Action.RESUME,
                TenantCommand.Scope.MAILBOX,
                ana,
                "list cleaned",
                "operator",
                Instant.now())));
    ContractEvent<SenderHealth> healthy =
        health.await(
            h -> h.subject().equals(tenant) && h.data().status() == SenderHealth.Status.HEALTHY);
    assertThat(healthy.data().previousStatus()).isEqualTo(SenderHealth.Status.BREACH);
    assertThat(healthy.data().hardBounces()).as("the breach's figures stay visible").isEqualTo(4);
    assertThat(healthy.data().reason())
        .startsWith("resumed by operator (list cleaned) after: hard bounces 4%");

    // a fresh window: one more bounce is one bounce in no sends, too few to judge
    ContractKafka.publish(event(tenant, ana, EmailEventType.BOUNCED, "gone4@example.org", HARD));
    awaitHard(tenant, ana, 1);
    assertThat(status(tenant, "MAILBOX", ana)).isEqualTo("HEALTHY");
    assertThat(commands.seen().stream().filter(r -> r.key().equals(tenant)).count()).isEqualTo(2);
  }

  @Test
  void aRedeliveredEventCountsOnce() {
    String tenant = SampleEvents.newTenantId();
    String ana = "ana@mail." + tenant + ".example";
    ContractEvent<EmailEvent> sent = event(tenant, ana, EmailEventType.SENT, null, null);
    ContractKafka.publishAll(List.of(sent, sent, sent));
    ContractKafka.publish(event(tenant, ana, EmailEventType.SENT, null, null));

    awaitSends(tenant, "MAILBOX", ana, 2);
    assertThat(
            TestDatabase.queryString(
                "feedback",
                "SELECT sum(count) FROM report_counter WHERE tenant_id = ? AND metric = 'sent'",
                tenant))
        .isEqualTo("2");
  }

  static ContractEvent<EmailEvent> event(
      String tenant,
      String mailbox,
      EmailEventType type,
      String recipient,
      EmailEvent.Bounce bounce) {
    return ContractEvent.of(
        EventTypes.EMAIL_EVENT,
        "/test",
        new EmailEvent(
            "msg-" + UUID.randomUUID(),
            tenant,
            type,
            mailbox,
            Stream.MARKETING,
            recipient,
            Instant.now(),
            null,
            "ses-" + UUID.randomUUID(),
            bounce,
            type == EmailEventType.COMPLAINED ? "abuse" : null,
            Map.of()));
  }

  private static void awaitSends(String tenant, String scope, String target, long sends) {
    TestDatabase.awaitValue(
        String.valueOf(sends),
        Duration.ofSeconds(30),
        "feedback",
        "SELECT cur_sends + prev_sends FROM health_window WHERE tenant_id = ? AND scope = ? AND target = ?",
        tenant,
        scope,
        target);
  }

  private static void awaitHard(String tenant, String target, long hard) {
    TestDatabase.awaitValue(
        String.valueOf(hard),
        Duration.ofSeconds(30),
        "feedback",
        "SELECT cur_hard + prev_hard FROM health_window WHERE tenant_id = ? AND scope = 'MAILBOX' AND target = ?",
        tenant,
        target);
  }

  private static String status(String tenant, String scope, String target) {
    String s =
        TestDatabase.queryString(
            "feedback",
            "SELECT status FROM sender_health WHERE tenant_id = ? AND scope = ? AND target = ?",
            tenant,
            scope,
            target);
    return s == null ? "HEALTHY" : s;
  }
}
