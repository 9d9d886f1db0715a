package io.isolane.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.IsolationTier;
import io.isolane.contracts.events.MailboxLimits;
import io.isolane.contracts.events.SenderHealth;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.TestDatabase;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Weeks of simulated days on the real broker: the test moves the service's clock a day at a time,
 * feeds sends and health, and reads each day's cap from mailbox.limits.
 */
@QuarkusTest
@WithTestResource(WarmupTestResources.class)
class WarmupScheduleTest {
  private static final AtomicLong TICK = new AtomicLong();

  @Inject TestClock clock;

  @Test
  void healthyMailboxReachesItsTargetOnScheduleAndNeverMoreThanDoubles() {
    String tenant = SampleEvents.newTenantId();
    String mailbox = WarmupEvents.mailbox("ana", tenant);
    try (TopicWatcher<MailboxLimits> limits = ContractKafka.watch(EventTypes.MAILBOX_LIMITS)) {
      List<Integer> caps = new ArrayList<>();
      caps.add(enroll(limits, tenant, mailbox).dailyCap());
      for (int day = 2; day <= 40; day++) {
        sendSome(tenant, mailbox, 3);
        caps.add(nextDay(limits, mailbox).dailyCap());
      }
      // warm-up day n gets the preset's cap for day n: 20 in week 1, 25 in week 2 ... 50 from day
      // 36
      for (int day = 1; day <= 40; day++) {
        assertThat(caps.get(day - 1))
            .as("cap on day %d", day)
            .isEqualTo(Presets.COLD_OUTREACH.capOn(day));
      }
      assertThat(caps.get(0)).isEqualTo(20);
      assertThat(caps.get(7)).isEqualTo(25);
      assertThat(caps.get(34)).isEqualTo(43);
      assertThat(caps.get(35)).isEqualTo(50);
      assertNeverMoreThanDoubles(caps);
      ContractEvent<MailboxLimits> last = latest(limits, mailbox);
      assertThat(last.data().stage()).isEqualTo(6);
      assertThat(last.data().window().timeZone()).isEqualTo("UTC");
    }
    assertThat(phaseOf(tenant, mailbox)).isEqualTo("WARMED");
  }

  @Test
  void bounceSpikeHoldsOnWarningThenCutsOnBreachAndRecoveryResumes() {
    String tenant = SampleEvents.newTenantId();
    String mailbox = WarmupEvents.mailbox("bea", tenant);
    try (TopicWatcher<MailboxLimits> limits = ContractKafka.watch(EventTypes.MAILBOX_LIMITS)) {
      enroll(limits, tenant, mailbox);
      for (int day = 2; day <= 9; day++) {
        sendSome(tenant, mailbox, 3);
        nextDay(limits, mailbox);
      }
      assertThat(latest(limits, mailbox).data().dailyCap()).isEqualTo(25); // day 9, stage 2

      health(
          tenant,
          SenderHealth.Scope.MAILBOX,
          mailbox,
          SenderHealth.Status.WARNING,
          "hard-bounce rate 3.5% over 200 sends");
      awaitHealth(tenant, SenderHealth.Status.WARNING);
      for (int held = 0; held < 2; held++) {
        MailboxLimits day = nextDay(limits, mailbox);
        assertThat(day.dailyCap()).isEqualTo(25);
        assertThat(day.reason()).startsWith("held: mailbox warning: hard-bounce rate 3.5%");
      }

      var breach =
          WarmupEvents.health(
              tenant,
              SenderHealth.Scope.MAILBOX,
              mailbox,
              SenderHealth.Status.BREACH,
              "hard-bounce rate 6.0% over 200 sends",
              clock.instant().plusMillis(TICK.incrementAndGet()));
      ContractKafka.publish(breach);
      MailboxLimits cut =
          limits
              .await(
                  e ->
                      e.data().mailbox().equals(mailbox)
                          && e.data().reason().startsWith("cut back"))
              .data();
      assertThat(cut.dailyCap()).isEqualTo(12); // halved, back to stage 1
      assertThat(cut.stage()).isEqualTo(1);
      assertThat(cut.reason()).contains("hard-bounce rate 6.0%").contains("25 -> 12");
      ContractKafka.publish(breach); // a redelivery: it must not cut a second time
      for (int held = 0; held < 3; held++) {
        MailboxLimits day = nextDay(limits, mailbox);
        assertThat(day.dailyCap()).as("held after the breach").isEqualTo(12);
        assertThat(day.reason()).startsWith("held until healthy");
      }

      health(
          tenant,
          SenderHealth.Scope.MAILBOX,
          mailbox,
          SenderHealth.Status.HEALTHY,
          "rates back under thresholds");
      awaitHealth(tenant, SenderHealth.Status.HEALTHY);
      MailboxLimits resumed = nextDay(limits, mailbox);
      assertThat(resumed.reason()).startsWith("advanced");
      assertThat(resumed.dailyCap()).isEqualTo(20); // the plan's day 2, within 2x of 12
      assertThat(nextDay(limits, mailbox).dailyCap()).isEqualTo(20);
    }
    assertThat(historyDecisions(tenant, mailbox).split(","))
        .containsOnlyOnce("CUT")
        .contains("HELD", "ADVANCED");
  }

  @Test
  void complaintBreachOfTheDomainPausesEveryMailboxOnItUntilHealthy() {
    String tenant = SampleEvents.newTenantId();
    String ana = WarmupEvents.mailbox("ana", tenant);
    String rui = WarmupEvents.mailbox("rui", tenant);
    try (TopicWatcher<MailboxLimits> limits = ContractKafka.watch(EventTypes.MAILBOX_LIMITS)) {
      ContractKafka.publish(
          WarmupEvents.state(tenant, IsolationTier.ISOLATED, 1, List.of(), ana, rui));
      limits.await(e -> e.data().mailbox().equals(ana));
      limits.await(e -> e.data().mailbox().equals(rui));
      for (int day = 2; day <= 16; day++) {
        sendSome(tenant, ana, 2);
        sendSome(tenant, rui, 2);
        nextDay(limits, List.of(ana, rui));
      }
      assertThat(latest(limits, ana).data().dailyCap()).isEqualTo(30);

      health(
          tenant,
          SenderHealth.Scope.SENDING_DOMAIN,
          WarmupEvents.domain(tenant),
          SenderHealth.Status.BREACH,
          "complaint rate 1.0% over 200 sends; pause requested");
      for (String m : List.of(ana, rui)) {
        MailboxLimits cut =
            limits
                .await(
                    e -> e.data().mailbox().equals(m) && e.data().reason().startsWith("cut back"))
                .data();
        assertThat(cut.dailyCap()).isEqualTo(15);
        assertThat(cut.reason()).contains("sending domain breach: complaint rate 1.0%");
      }
      for (int held = 0; held < 4; held++) {
        sendSome(tenant, ana, 1);
        sendSome(tenant, rui, 1);
        assertThat(nextDay(limits, List.of(ana, rui)))
            .extracting(MailboxLimits::dailyCap)
            .containsExactly(15, 15);
      }
      assertThat(phaseOf(tenant, ana)).isEqualTo("CUT");

      health(
          tenant,
          SenderHealth.Scope.SENDING_DOMAIN,
          WarmupEvents.domain(tenant),
          SenderHealth.Status.HEALTHY,
          "complaint rate back under 0.1%");
      awaitHealth(tenant, SenderHealth.Status.HEALTHY);
      List<Integer> after = new ArrayList<>(List.of(15));
      for (int day = 0; day < 10; day++) {
        sendSome(tenant, ana, 2);
        sendSome(tenant, rui, 2);
        MailboxLimits next = nextDay(limits, List.of(ana, rui)).get(0);
        assertThat(next.reason()).startsWith("advanced");
        after.add(next.dailyCap());
      }
      assertThat(after).startsWith(15, 20).endsWith(25); // ramps again from stage 1
      assertNeverMoreThanDoubles(after);
    }
    assertThat(phaseOf(tenant, ana)).isEqualTo("RAMPING");
  }

  @Test
  void ownHardBounceRateFromEmailEventsHoldsTheNextDay() {
    String tenant = SampleEvents.newTenantId();
    String mailbox = WarmupEvents.mailbox("cid", tenant);
    try (TopicWatcher<MailboxLimits> limits = ContractKafka.watch(EventTypes.MAILBOX_LIMITS)) {
      enroll(limits, tenant, mailbox);
      for (int day = 2; day <= 8; day++) {
        sendSome(tenant, mailbox, 3);
        nextDay(limits, mailbox);
      }
      assertThat(latest(limits, mailbox).data().dailyCap()).isEqualTo(25);
      Instant now = clock.instant();
      ContractKafka.publishAll(WarmupEvents.emails(tenant, mailbox, EmailEventType.SENT, 25, now));
      ContractKafka.publishAll(
          WarmupEvents.emails(tenant, mailbox, EmailEventType.BOUNCED, 3, now));
      awaitCounts(tenant, mailbox, clock.today(), "25/3");

      MailboxLimits held = nextDay(limits, mailbox);
      assertThat(held.dailyCap()).isEqualTo(25);
      assertThat(held.reason()).isEqualTo("held: yesterday 3 hard bounces in 25 sends (12.0%)");
      sendSome(tenant, mailbox, 25);
      MailboxLimits advanced = nextDay(limits, mailbox);
      assertThat(advanced.reason()).startsWith("advanced");
    }
  }

  @Test
  void senderIdleForTwoWeeksReEntersAtALowerStep() {
    String tenant = SampleEvents.newTenantId();
    String mailbox = WarmupEvents.mailbox("eva", tenant);
    try (TopicWatcher<MailboxLimits> limits = ContractKafka.watch(EventTypes.MAILBOX_LIMITS)) {
      enroll(limits, tenant, mailbox);
      sendSome(tenant, mailbox, 3);
      List<MailboxLimits> days = new ArrayList<>();
      for (int day = 1; day <= 15; day++) {
        days.add(nextDay(limits, mailbox));
      }
      // last send on day 0: days 1-13 advance, day 14 without a send for 14 days re-enters
      assertThat(days.get(12).reason()).startsWith("advanced");
      assertThat(days.get(13).reason()).isEqualTo("re-entered: no sends for 14 days (25 -> 12)");
      assertThat(days.get(13).dailyCap()).isEqualTo(12);
      assertThat(days.get(14).reason()).startsWith("advanced");
      assertThat(days.get(14).dailyCap()).isEqualTo(20);
    }
  }

  // --- helpers ---

  private MailboxLimits enroll(TopicWatcher<MailboxLimits> limits, String tenant, String mailbox) {
    ContractKafka.publish(
        WarmupEvents.state(tenant, IsolationTier.ISOLATED, 1, List.of(), mailbox));
    MailboxLimits first = limits.await(e -> e.data().mailbox().equals(mailbox)).data();
    assertThat(first.day()).isEqualTo(clock.today());
    return first;
  }

  /** Moves the clock a day on and returns the mailbox's daily limits for that day. */
  private MailboxLimits nextDay(TopicWatcher<MailboxLimits> limits, String mailbox) {
    return nextDay(limits, List.of(mailbox)).get(0);
  }

  /** Moves the clock a day on and returns each mailbox's daily limits for that day. */
  private List<MailboxLimits> nextDay(TopicWatcher<MailboxLimits> limits, List<String> mailboxes) {
    clock.advanceDays(1);
    LocalDate day = clock.today();
    return mailboxes.stream()
        .map(
            m ->
                limits
                    .await(
                        e ->
                            e.data().mailbox().equals(m)
                                && e.data().day().equals(day)
                                && !e.data().reason().startsWith("cut back"))
                    .data())
        .toList();
  }

  private static ContractEvent<MailboxLimits> latest(
      TopicWatcher<MailboxLimits> limits, String mailbox) {
    ContractEvent<MailboxLimits> last = null;
    for (var record : limits.seen()) {
      ContractEvent<MailboxLimits> e = EventCodec.decode(EventTypes.MAILBOX_LIMITS, record);
      if (e.data().mailbox().equals(mailbox)) {
        last = e;
      }
    }
    assertThat(last).as("limits of %s", mailbox).isNotNull();
    return last;
  }

  private void sendSome(String tenant, String mailbox, int count) {
    ContractKafka.publishAll(
        WarmupEvents.emails(tenant, mailbox, EmailEventType.SENT, count, clock.instant()));
  }

  private void health(
      String tenant,
      SenderHealth.Scope scope,
      String target,
      SenderHealth.Status status,
      String reason) {
    Instant at = clock.instant().plusMillis(TICK.incrementAndGet());
    ContractKafka.publish(WarmupEvents.health(tenant, scope, target, status, reason, at));
  }

  private static void awaitHealth(String tenant, SenderHealth.Status status) {
    TestDatabase.awaitValue(
        status.name(),
        Duration.ofSeconds(30),
        "warmup",
        "SELECT status FROM health_signal WHERE tenant_id = ? ORDER BY observed_at DESC LIMIT 1",
        tenant);
  }

  private static void awaitCounts(String tenant, String mailbox, LocalDate day, String expected) {
    TestDatabase.awaitValue(
        expected,
        Duration.ofSeconds(30),
        "warmup",
        "SELECT sent || '/' || hard_bounces FROM send_day WHERE tenant_id = ? AND mailbox = ? AND day = ?",
        tenant,
        mailbox,
        day);
  }

  private static String phaseOf(String tenant, String sender) {
    return TestDatabase.queryString(
        "warmup",
        "SELECT phase FROM sender_warmup WHERE tenant_id = ? AND sender = ?",
        tenant,
        sender);
  }

  private static String historyDecisions(String tenant, String sender) {
    return TestDatabase.queryString(
        "warmup",
        "SELECT string_agg(h.decision, ',' ORDER BY h.id) FROM cap_history h JOIN sender_warmup s"
            + " ON s.id = h.sender_id WHERE s.tenant_id = ? AND s.sender = ?",
        tenant,
        sender);
  }

  static void assertNeverMoreThanDoubles(List<Integer> caps) {
    for (int i = 1; i < caps.size(); i++) {
      assertThat(caps.get(i))
          .as("day %d after %d", i + 1, caps.get(i - 1))
          .isLessThanOrEqualTo(caps.get(i - 1) * 2);
    }
  }
}
