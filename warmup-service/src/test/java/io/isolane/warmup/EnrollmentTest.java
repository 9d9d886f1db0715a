package io.isolane.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.IsolationTier;
import io.isolane.contracts.events.MailboxLimits;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.TestDatabase;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WarmupTestResources.class)
class EnrollmentTest {
  @Inject TestClock clock;

  @Test
  void newMailboxIsEnrolledAndGetsItsFirstDayLimits() {
    String tenant = SampleEvents.newTenantId();
    String mailbox = "ana@mail." + tenant + ".example";
    try (TopicWatcher<MailboxLimits> limits = ContractKafka.watch(EventTypes.MAILBOX_LIMITS)) {
      ContractKafka.publish(SampleEvents.tenantState(tenant, TenantStatus.ACTIVE, 1, mailbox));

      ContractEvent<MailboxLimits> event = limits.await(e -> e.subject().equals(tenant));
      assertThat(event.key()).isEqualTo(tenant + "/" + mailbox);
      // the event id is the decision's history row: a republished outbox row keeps it
      assertThat(event.id()).matches("warmup-decision-\\d+");
      assertThat(event.data().mailbox()).isEqualTo(mailbox);
      assertThat(event.data().dailyCap()).isEqualTo(20);
      assertThat(event.data().stage()).isEqualTo(1);
      assertThat(event.data().minSpacingSeconds()).isPositive();
      assertThat(event.data().day()).isEqualTo(clock.today());
      assertThat(event.data().reason()).isEqualTo("enrolled: cold-outreach stage 1");
      assertThat(event.data().window().timeZone()).isEqualTo("UTC");
    }
    assertThat(
            TestDatabase.queryString(
                "warmup",
                "SELECT plan FROM sender_warmup WHERE tenant_id = ? AND sender = ?",
                tenant,
                mailbox))
        .isEqualTo("cold-outreach");
  }

  @Test
  void replayedStateDoesNotEnrollTwiceAndOnlyNewMailboxesAreAdded() {
    String tenant = SampleEvents.newTenantId();
    String first = "ana@mail." + tenant + ".example";
    String second = "rui@mail." + tenant + ".example";
    try (TopicWatcher<MailboxLimits> limits = ContractKafka.watch(EventTypes.MAILBOX_LIMITS)) {
      ContractKafka.publish(SampleEvents.tenantState(tenant, TenantStatus.ACTIVE, 1, first));
      ContractKafka.publish(SampleEvents.tenantState(tenant, TenantStatus.ACTIVE, 1, first));
      ContractKafka.publish(
          SampleEvents.tenantState(tenant, TenantStatus.ACTIVE, 2, first, second));

      limits.await(e -> e.data().mailbox().equals(second));
      long firstEnrollments =
          limits.seen().stream()
              .map(r -> EventCodec.decode(EventTypes.MAILBOX_LIMITS, r).data())
              .filter(l -> l.mailbox().equals(first))
              .count();
      assertThat(firstEnrollments).isEqualTo(1);
    }
    assertThat(
            TestDatabase.queryString(
                "warmup", "SELECT count(*) FROM sender_warmup WHERE tenant_id = ?", tenant))
        .isEqualTo("2");
  }

  @Test
  void dedicatedTenantsDomainsAreEnrolledInTheBulkDomainPreset() {
    String tenant = SampleEvents.newTenantId();
    String mailbox = WarmupEvents.mailbox("ana", tenant);
    try (TopicWatcher<MailboxLimits> limits = ContractKafka.watch(EventTypes.MAILBOX_LIMITS)) {
      ContractKafka.publish(
          WarmupEvents.state(tenant, IsolationTier.DEDICATED, 1, List.of(), mailbox));
      assertThat(limits.await(e -> e.data().mailbox().equals(mailbox)).data().dailyCap())
          .isEqualTo(20);
    }
    assertThat(
            TestDatabase.queryString(
                "warmup",
                "SELECT kind || ' ' || plan || ' ' || daily_cap FROM sender_warmup"
                    + " WHERE tenant_id = ? AND sender = ?",
                tenant,
                WarmupEvents.domain(tenant)))
        .isEqualTo("DOMAIN bulk-domain 100");
  }

  @Test
  void unreadableStateGoesToTheDeadLetterTopic() {
    String tenant = SampleEvents.newTenantId();
    try (TopicWatcher<?> dead = ContractKafka.watchRaw("dlq.warmup-service")) {
      ContractKafka.publishRaw(
          "tenant.state", tenant, new RecordHeaders(), "oops".getBytes(StandardCharsets.UTF_8));

      assertThat(dead.awaitDeadLetterReason(tenant)).contains("missing header");
    }
  }
}
