package io.isolane.sending.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.DomainLimits;
import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.sending.SendingTestResources;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * Warm-up caps per sending domain: all mailboxes of one From domain together never send more than
 * the domain's daily cap, proven on what reached the simulator; the rest waits for the next day.
 */
@QuarkusTest
@WithTestResource(SendingTestResources.class)
class DomainLimitsFlowTest {
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  @Test
  void twoMailboxesOnOneDomainSendTheDomainCapTogetherAndTheRestTheNextDay() {
    String tenant = SampleEvents.newTenantId();
    String ana = SesTenants.mailbox("ana", tenant);
    String rui = SesTenants.mailbox("rui", tenant);
    withMailboxes(tenant, ana, rui);
    capsFor(tenant, TODAY, List.of(ana, rui), 5, 7); // 5 + 5 by mailbox, 7 for the domain

    publish(tenant, ana, "ana-", 8);
    publish(tenant, rui, "rui-", 8);

    FlowChecks.awaitSent(tenant, 7, Duration.ofSeconds(20));
    FlowChecks.awaitQuiet(tenant);
    assertThat(SesTenants.sent(tenant)).hasSize(7);
    assertThat(FlowChecks.ledger(tenant)).contains("ACCEPTED=9").contains("SENT=7");
    assertThat(byMailbox(tenant).values()).allSatisfy(n -> assertThat(n).isBetween(2L, 5L));

    // warm-up's next day: new caps, a new count (the real clock has not turned: the day has)
    capsFor(tenant, TODAY.plusDays(1), List.of(ana, rui), 5, 7);
    FlowChecks.awaitSent(tenant, 14, Duration.ofSeconds(20));
    FlowChecks.awaitQuiet(tenant);
    assertThat(SesTenants.sent(tenant)).hasSize(14);
    assertThat(FlowChecks.ledger(tenant)).contains("ACCEPTED=2").contains("SENT=14");
    assertThat(byMailbox(tenant).values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(10L));
  }

  @Test
  void aDomainCapCountsWhatItsMailboxesSentBeforeItArrived() {
    String tenant = SampleEvents.newTenantId();
    String ana = SesTenants.mailbox("ana", tenant);
    String rui = SesTenants.mailbox("rui", tenant);
    withMailboxes(tenant, ana, rui);
    publish(tenant, ana, "before-", 3); // no limits yet: sent at once
    FlowChecks.awaitSent(tenant, 3, Duration.ofSeconds(20));

    // counted from the ledger, as after a restart: 3 of 5 are gone already
    ControlEvents.domainLimits(tenant, TODAY, 5);
    ControlEvents.awaitStored("domain_limit", tenant, TODAY, 1);
    publish(tenant, rui, "after-", 6);

    FlowChecks.awaitSent(tenant, 5, Duration.ofSeconds(20));
    FlowChecks.awaitQuiet(tenant);
    assertThat(SesTenants.sent(tenant)).hasSize(5);
    assertThat(FlowChecks.ledger(tenant)).contains("ACCEPTED=4").contains("SENT=5");
  }

  @Test
  void unreadableDomainLimitsGoToTheDeadLetterTopicWithTheReason() {
    String tenant = SampleEvents.newTenantId();
    try (TopicWatcher<?> dead = ContractKafka.watchRaw("dlq.sending-service")) {
      ContractKafka.publishRaw(
          "domain.limits",
          tenant + "/mail.example",
          new RecordHeaders(),
          "{}".getBytes(StandardCharsets.UTF_8));
      assertThat(dead.awaitDeadLetterReason(tenant + "/mail.example"))
          .contains("missing header ce_specversion");

      String other = SampleEvents.newTenantId();
      ProducerRecord<String, byte[]> valid = EventCodec.toRecord(domainLimitsEvent(other));
      byte[] negative =
          new String(valid.value(), StandardCharsets.UTF_8)
              .replace("\"dailyCap\":7", "\"dailyCap\":-1")
              .getBytes(StandardCharsets.UTF_8);
      ContractKafka.publishRaw("domain.limits", valid.key(), valid.headers(), negative);
      assertThat(dead.awaitDeadLetterReason(valid.key())).contains("$.dailyCap");
    }
  }

  private static ContractEvent<DomainLimits> domainLimitsEvent(String tenant) {
    return ContractEvent.of(
        EventTypes.DOMAIN_LIMITS,
        "/test",
        new DomainLimits(
            tenant, SesTenants.domain(tenant), TODAY, 7, "UTC", 1, "test", Instant.now()));
  }

  private static void withMailboxes(String tenant, String... mailboxes) {
    SesTenants.provision(tenant, 50, 100_000);
    SesTenants.publish(tenant, TenantStatus.ACTIVE, 2, 50, 100_000, List.of(mailboxes));
    SesTenants.awaitLane(tenant, 2);
  }

  /** Mailbox caps and the domain's cap for {@code day}, stored before anything is sent. */
  private static void capsFor(
      String tenant, LocalDate day, List<String> mailboxes, int mailboxCap, int domainCap) {
    mailboxes.forEach(m -> ControlEvents.limits(tenant, m, day, mailboxCap));
    ControlEvents.domainLimits(tenant, day, domainCap);
    ControlEvents.awaitStored("mailbox_limit", tenant, day, mailboxes.size());
    ControlEvents.awaitStored("domain_limit", tenant, day, 1);
  }

  private static void publish(String tenant, String mailbox, String prefix, int n) {
    List<ContractEvent<SendRequest>> requests = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      requests.add(SesTenants.from(tenant, mailbox, prefix + i));
    }
    ContractKafka.publishAll(requests);
  }

  private static Map<String, Long> byMailbox(String tenant) {
    return SesTenants.sent(tenant).stream()
        .collect(
            Collectors.groupingBy(m -> m.tags().get("isolane-mailbox"), Collectors.counting()));
  }
}
