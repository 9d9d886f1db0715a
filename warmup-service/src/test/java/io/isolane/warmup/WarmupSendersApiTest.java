package io.isolane.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.IsolationTier;
import io.isolane.contracts.events.MailboxLimits;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.TestDatabase;
import io.isolane.testkit.TopicWatcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sender's warm-up through the API: import at a stage, pause, time zone and status. */
@QuarkusTest
@WithTestResource(WarmupTestResources.class)
class WarmupSendersApiTest extends WarmupApiFixture {
  @Test
  void importedSenderStartsAtItsStageAndStatusShowsHistoryAndSentToday() {
    ContractKafka.publishAll(
        WarmupEvents.emails(tenant, mailbox, EmailEventType.SENT, 4, clock.instant()));
    try (TopicWatcher<MailboxLimits> limits = ContractKafka.watch(EventTypes.MAILBOX_LIMITS)) {
      as(admin)
          .body("{\"plan\": \"cold-outreach\", \"stage\": 5, \"timeZone\": \"Europe/Lisbon\"}")
          .put("/v1/warmup/senders/" + mailbox.toUpperCase())
          .then()
          .statusCode(200)
          .body("stage", equalTo(5))
          .body("dailyCap", equalTo(43))
          .body("timeZone", equalTo("Europe/Lisbon"));
      MailboxLimits imported =
          limits.await(e -> e.data().mailbox().equals(mailbox) && e.data().stage() == 5).data();
      assertThat(imported.dailyCap()).isEqualTo(43);
      assertThat(imported.reason()).isEqualTo("imported at stage 5 of cold-outreach");
      assertThat(imported.window().timeZone()).isEqualTo("Europe/Lisbon");
    }
    TestDatabase.awaitValue(
        "4",
        Duration.ofSeconds(30),
        "warmup",
        "SELECT sum(sent) FROM send_day WHERE tenant_id = ? AND mailbox = ?",
        tenant,
        mailbox);
    as(reader)
        .get("/v1/warmup/senders/" + mailbox)
        .then()
        .statusCode(200)
        .body("kind", equalTo("mailbox"))
        .body("stages", equalTo(6))
        .body("target", equalTo(50))
        .body("history.decision", equalTo(List.of("enrolled", "imported")))
        .body("history[1].reason", equalTo("imported at stage 5 of cold-outreach"))
        .body("history[1].dailyCap", equalTo(43));
    as(reader)
        .get("/v1/warmup/senders")
        .then()
        .statusCode(200)
        .body("sender", equalTo(List.of(mailbox)));
    as(admin)
        .body("{\"stage\": 9}")
        .put("/v1/warmup/senders/" + mailbox)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("stage"));
    as(admin)
        .body("{\"plan\": \"bulk-domain\", \"timeZone\": \"Mars/Olympus\"}")
        .put("/v1/warmup/senders/" + mailbox)
        .then()
        .statusCode(400)
        .body("errors.field", equalTo(List.of("timeZone")));
    as(admin)
        .body("{\"plan\": \"bulk-domain\"}")
        .put("/v1/warmup/senders/" + mailbox)
        .then()
        .statusCode(422)
        .body("errors[0].message", startsWith("is a domain plan"));
    as(admin)
        .body("{\"plan\": \"nope\"}")
        .put("/v1/warmup/senders/" + mailbox)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("plan"));
  }

  @Test
  void pausedWarmUpHoldsUntilResumed() {
    try (TopicWatcher<MailboxLimits> limits = ContractKafka.watch(EventTypes.MAILBOX_LIMITS)) {
      as(admin)
          .post("/v1/warmup/senders/" + mailbox + "/pause")
          .then()
          .statusCode(200)
          .body("paused", equalTo(true));
      for (int day = 0; day < 8; day++) {
        clock.advanceDays(1);
        var today = clock.today();
        MailboxLimits held =
            limits
                .await(e -> e.data().mailbox().equals(mailbox) && e.data().day().equals(today))
                .data();
        assertThat(held.dailyCap()).isEqualTo(20);
        assertThat(held.reason()).isEqualTo("held: warm-up paused by the tenant");
      }
      as(admin)
          .post("/v1/warmup/senders/" + mailbox + "/resume")
          .then()
          .statusCode(200)
          .body("paused", equalTo(false));
      ContractKafka.publishAll(
          WarmupEvents.emails(tenant, mailbox, EmailEventType.SENT, 2, clock.instant()));
      clock.advanceDays(1);
      var today = clock.today();
      MailboxLimits resumed =
          limits
              .await(e -> e.data().mailbox().equals(mailbox) && e.data().day().equals(today))
              .data();
      assertThat(resumed.reason()).startsWith("advanced: day 2");
    }
  }

  @Test
  void aSendersDaysFollowItsTimeZone() {
    try (TopicWatcher<MailboxLimits> limits = ContractKafka.watch(EventTypes.MAILBOX_LIMITS)) {
      // 10:00 UTC is already midnight of the next day at UTC+14: that day is computed at once
      as(admin)
          .body("{\"timeZone\": \"Pacific/Kiritimati\"}")
          .put("/v1/warmup/senders/" + mailbox)
          .then()
          .statusCode(200)
          .body("today", equalTo(clock.today().plusDays(1).toString()));
      var tomorrow = clock.today().plusDays(1);
      MailboxLimits next =
          limits
              .await(e -> e.data().mailbox().equals(mailbox) && e.data().day().equals(tomorrow))
              .data();
      assertThat(next.window().timeZone()).isEqualTo("Pacific/Kiritimati");
      assertThat(next.reason()).startsWith("advanced: day 2");
    }
  }

  @Test
  void aDedicatedTenantsDomainCountsTheSendsOfItsMailboxes() {
    String dedicated = SampleEvents.newTenantId();
    WarmupEvents.Key key = WarmupEvents.Key.of("read");
    String ana = WarmupEvents.mailbox("ana", dedicated);
    String rui = WarmupEvents.mailbox("rui", dedicated);
    ContractKafka.publish(
        WarmupEvents.state(dedicated, IsolationTier.DEDICATED, 1, List.of(key), ana, rui));
    String domain = WarmupEvents.domain(dedicated);
    awaitEnrolled(dedicated, domain);
    ContractKafka.publishAll(
        WarmupEvents.emails(dedicated, ana, EmailEventType.SENT, 3, clock.instant()));
    ContractKafka.publishAll(
        WarmupEvents.emails(dedicated, rui, EmailEventType.SENT, 2, clock.instant()));
    TestDatabase.awaitValue(
        "5",
        Duration.ofSeconds(30),
        "warmup",
        "SELECT sum(sent) FROM send_day WHERE tenant_id = ?",
        dedicated);
    as(key)
        .get("/v1/warmup/senders/" + domain)
        .then()
        .statusCode(200)
        .body("kind", equalTo("domain"))
        .body("plan", equalTo("bulk-domain"))
        .body("dailyCap", equalTo(100))
        .body("sentToday", equalTo(5));
    as(key).get("/v1/warmup/senders/" + ana).then().body("sentToday", equalTo(3));
  }
}
