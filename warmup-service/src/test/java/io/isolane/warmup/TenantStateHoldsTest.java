package io.isolane.warmup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.IsolationTier;
import io.isolane.contracts.events.MailboxLimits;
import io.isolane.contracts.events.MailboxStatus;
import io.isolane.contracts.events.TenantState;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.TestDatabase;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What tenant.state says about enrolled mailboxes: paused, suspended, removed. */
@QuarkusTest
@WithTestResource(WarmupTestResources.class)
class TenantStateHoldsTest {
  @Inject TestClock clock;

  @Test
  void pausedMailboxIsCutAndHeldRemovedOneRetiredSuspendedTenantCut() {
    String tenant = SampleEvents.newTenantId();
    WarmupEvents.Key key = WarmupEvents.Key.of("read");
    String ana = WarmupEvents.mailbox("ana", tenant);
    String rui = WarmupEvents.mailbox("rui", tenant);
    try (TopicWatcher<MailboxLimits> limits = ContractKafka.watch(EventTypes.MAILBOX_LIMITS)) {
      publish(tenant, TenantStatus.ACTIVE, null, 1, key, warming(ana), warming(rui));
      limits.await(e -> e.data().mailbox().equals(ana));
      limits.await(e -> e.data().mailbox().equals(rui));
      for (int day = 2; day <= 9; day++) {
        send(tenant, ana, rui);
        nextDay(limits, ana, rui);
      }

      TenantState.Mailbox paused =
          WarmupEvents.mailbox(ana, MailboxStatus.PAUSED, "complaint breach, paused by feedback");
      publish(tenant, TenantStatus.ACTIVE, null, 2, key, paused, warming(rui));
      MailboxLimits cut =
          limits
              .await(e -> e.data().mailbox().equals(ana) && e.data().reason().startsWith("cut"))
              .data();
      assertThat(cut.reason())
          .isEqualTo("cut back: mailbox paused: complaint breach, paused by feedback (25 -> 12)");
      for (int held = 0; held < 2; held++) {
        send(tenant, ana, rui);
        List<MailboxLimits> day = nextDay(limits, ana, rui);
        assertThat(day.get(0).dailyCap()).isEqualTo(12);
        assertThat(day.get(0).reason()).startsWith("held until healthy: mailbox paused");
        assertThat(day.get(1).reason()).startsWith("advanced");
      }

      publish(tenant, TenantStatus.ACTIVE, null, 3, key, warming(ana), warming(rui));
      TestDatabase.awaitValue(
          null,
          Duration.ofSeconds(30),
          "warmup",
          "SELECT held_by_state FROM sender_warmup WHERE tenant_id = ? AND sender = ?",
          tenant,
          ana);
      send(tenant, ana, rui);
      MailboxLimits released = nextDay(limits, ana, rui).get(0);
      assertThat(released.reason()).startsWith("advanced");
      assertThat(released.dailyCap()).isEqualTo(20);

      // rui leaves the tenant: retired, no more caps; ana goes on
      publish(tenant, TenantStatus.ACTIVE, null, 4, key, warming(ana));
      TestDatabase.awaitValue(
          "t",
          Duration.ofSeconds(30),
          "warmup",
          "SELECT retired FROM sender_warmup WHERE tenant_id = ? AND sender = ?",
          tenant,
          rui);
      send(tenant, ana);
      nextDay(limits, ana);
      LocalDate today = clock.today();
      assertThat(
              limits.seen().stream()
                  .map(r -> EventCodec.decode(EventTypes.MAILBOX_LIMITS, r).data())
                  .filter(l -> l.mailbox().equals(rui) && l.day().equals(today)))
          .isEmpty();
      given()
          .header("Authorization", key.bearer())
          .get("/v1/warmup/senders/" + rui)
          .then()
          .statusCode(200)
          .body("retired", equalTo(true));

      // the tenant is suspended: every sender is cut at once
      publish(tenant, TenantStatus.SUSPENDED, "suspended by an admin", 5, key, warming(ana));
      MailboxLimits suspended =
          limits
              .await(
                  e ->
                      e.data().mailbox().equals(ana)
                          && e.data().reason().startsWith("cut back: tenant suspended"))
              .data();
      assertThat(suspended.reason())
          .isEqualTo("cut back: tenant suspended: suspended by an admin (20 -> 10)");
    }
  }

  private static TenantState.Mailbox warming(String address) {
    return WarmupEvents.mailbox(address, MailboxStatus.WARMING, null);
  }

  private static void publish(
      String tenant,
      TenantStatus status,
      String reason,
      long version,
      WarmupEvents.Key key,
      TenantState.Mailbox... boxes) {
    ContractKafka.publish(
        WarmupEvents.state(
            tenant, IsolationTier.ISOLATED, status, reason, version, List.of(key), List.of(boxes)));
  }

  private void send(String tenant, String... mailboxes) {
    for (String m : mailboxes) {
      ContractKafka.publishAll(
          WarmupEvents.emails(tenant, m, EmailEventType.SENT, 2, clock.instant()));
    }
  }

  private List<MailboxLimits> nextDay(TopicWatcher<MailboxLimits> limits, String... mailboxes) {
    clock.advanceDays(1);
    LocalDate day = clock.today();
    return Arrays.stream(mailboxes)
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
}
