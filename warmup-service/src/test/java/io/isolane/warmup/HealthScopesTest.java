package io.isolane.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.IsolationTier;
import io.isolane.contracts.events.MailboxLimits;
import io.isolane.contracts.events.SenderHealth;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.TestDatabase;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** Which senders a health signal covers, and what is done with unreadable ones. */
@QuarkusTest
@WithTestResource(WarmupTestResources.class)
class HealthScopesTest {
  @Inject TestClock clock;

  @Test
  void recipientDomainHealthIsIgnoredAndTenantWarningHoldsEverySender() {
    String tenant = SampleEvents.newTenantId();
    String ana = WarmupEvents.mailbox("ana", tenant);
    String rui = WarmupEvents.mailbox("rui", tenant);
    try (TopicWatcher<MailboxLimits> limits = ContractKafka.watch(EventTypes.MAILBOX_LIMITS)) {
      ContractKafka.publish(
          WarmupEvents.state(tenant, IsolationTier.ISOLATED, 1, List.of(), ana, rui));
      limits.await(e -> e.data().mailbox().equals(ana));
      limits.await(e -> e.data().mailbox().equals(rui));

      publish(tenant, SenderHealth.Scope.RECIPIENT_DOMAIN, "gmail.com", SenderHealth.Status.BREACH);
      publish(tenant, SenderHealth.Scope.MAILBOX, ana, SenderHealth.Status.HEALTHY);
      awaitSignals(tenant, "1"); // the recipient-domain breach was not even stored
      assertThat(nextDay(limits, ana, rui))
          .extracting(MailboxLimits::reason)
          .allMatch(r -> r.startsWith("advanced"));

      publish(tenant, SenderHealth.Scope.TENANT, null, SenderHealth.Status.WARNING);
      awaitSignals(tenant, "2");
      assertThat(nextDay(limits, ana, rui))
          .extracting(MailboxLimits::reason)
          .containsOnly("held: tenant warning: hard-bounce rate 3.1% over 200 sends");
    }
  }

  @Test
  void unreadableHealthAndEmailEventsGoToTheDeadLetterTopic() {
    String tenant = SampleEvents.newTenantId();
    try (TopicWatcher<?> dead = ContractKafka.watchRaw("dlq.warmup-service")) {
      ContractKafka.publishRaw(
          "sender.health", tenant, new RecordHeaders(), "{}".getBytes(StandardCharsets.UTF_8));
      assertThat(dead.awaitDeadLetterReason(tenant)).contains("missing header");
    }
    String other = SampleEvents.newTenantId();
    try (TopicWatcher<?> dead = ContractKafka.watchRaw("dlq.warmup-service")) {
      ContractKafka.publishRaw(
          "email.events", other, new RecordHeaders(), "{}".getBytes(StandardCharsets.UTF_8));
      assertThat(dead.awaitDeadLetterReason(other)).contains("missing header");
    }
    // and a readable event after them is still counted
    String mailbox = WarmupEvents.mailbox("eve", other);
    ContractKafka.publishAll(
        WarmupEvents.emails(other, mailbox, EmailEventType.SENT, 1, clock.instant()));
    TestDatabase.awaitValue(
        "1",
        Duration.ofSeconds(30),
        "warmup",
        "SELECT sum(sent) FROM send_day WHERE tenant_id = ?",
        other);
  }

  private void publish(
      String tenant, SenderHealth.Scope scope, String target, SenderHealth.Status status) {
    ContractKafka.publish(
        WarmupEvents.health(
            tenant,
            scope,
            target,
            status,
            "hard-bounce rate 3.1% over 200 sends",
            clock.instant().plusMillis(1)));
  }

  private static void awaitSignals(String tenant, String count) {
    TestDatabase.awaitValue(
        count,
        Duration.ofSeconds(30),
        "warmup",
        "SELECT count(*) FROM health_signal WHERE tenant_id = ?",
        tenant);
  }

  private List<MailboxLimits> nextDay(TopicWatcher<MailboxLimits> limits, String... mailboxes) {
    clock.advanceDays(1);
    LocalDate day = clock.today();
    return Arrays.stream(mailboxes)
        .map(
            m ->
                limits
                    .await(e -> e.data().mailbox().equals(m) && e.data().day().equals(day))
                    .data())
        .toList();
  }
}
