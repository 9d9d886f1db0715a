package io.isolane.warmup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.IsolationTier;
import io.isolane.contracts.events.MailboxLimits;
import io.isolane.contracts.events.ReplyCategory;
import io.isolane.contracts.events.ReplyClassified;
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
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * Reply signals on the real broker: reply.classified counted per mailbox and day, and a day with
 * too many negative replies holding the next one.
 */
@QuarkusTest
@WithTestResource(WarmupTestResources.class)
class ReplySignalsTest {
  private static final String HELD =
      "held: yesterday 3 negative replies (unsubscribe, not interested) in 50 sends (6.0%),"
          + " at or over 2.0%";

  @Inject TestClock clock;

  @Test
  void negativeRepliesHoldTheNextDayAndAReplayCountsOnce() {
    String tenant = SampleEvents.newTenantId();
    String mailbox = WarmupEvents.mailbox("ana", tenant);
    WarmupEvents.Key reader = WarmupEvents.Key.of("read");
    try (TopicWatcher<MailboxLimits> limits = ContractKafka.watch(EventTypes.MAILBOX_LIMITS)) {
      rampToDaySeven(limits, tenant, mailbox, reader);
      sendFifty(tenant, mailbox);
      ContractEvent<ReplyClassified> unsubscribe =
          reply(tenant, mailbox, ReplyCategory.UNSUBSCRIBE);
      ContractKafka.publish(unsubscribe);
      ContractKafka.publish(reply(tenant, mailbox, ReplyCategory.NOT_INTERESTED));
      ContractKafka.publish(unsubscribe); // a replay: counted once
      ContractKafka.publish(reply(tenant, mailbox, ReplyCategory.UNSUBSCRIBE));
      ContractKafka.publish(reply(tenant, mailbox, ReplyCategory.BOUNCE)); // not a human reply
      ContractKafka.publish(reply(tenant, mailbox, ReplyCategory.INTERESTED)); // the last one
      awaitCounts(tenant, mailbox, clock.today(), "50/4/3");

      MailboxLimits held = nextDay(limits, mailbox);
      assertThat(held.dailyCap()).isEqualTo(20); // the plan's day 8 would be 25
      assertThat(held.stage()).isEqualTo(1);
      assertThat(held.reason()).isEqualTo(HELD);
      given()
          .header("Authorization", reader.bearer())
          .get("/v1/warmup/senders/" + mailbox)
          .then()
          .statusCode(200)
          .body("history.reason", hasItem(HELD))
          .body("history.decision", hasItem("held"));

      sendSome(tenant, mailbox, 3);
      MailboxLimits after = nextDay(limits, mailbox);
      assertThat(after.reason()).isEqualTo("advanced: stage 2 from day 8");
      assertThat(after.dailyCap()).isEqualTo(25);
    }
  }

  @Test
  void interestedAndOutOfOfficeRepliesAdvanceNormally() {
    String tenant = SampleEvents.newTenantId();
    String mailbox = WarmupEvents.mailbox("bea", tenant);
    WarmupEvents.Key reader = WarmupEvents.Key.of("read");
    try (TopicWatcher<MailboxLimits> limits = ContractKafka.watch(EventTypes.MAILBOX_LIMITS)) {
      rampToDaySeven(limits, tenant, mailbox, reader);
      sendFifty(tenant, mailbox);
      ContractKafka.publish(reply(tenant, mailbox, ReplyCategory.OUT_OF_OFFICE));
      ContractKafka.publish(reply(tenant, mailbox, ReplyCategory.INTERESTED));
      ContractKafka.publish(reply(tenant, mailbox, ReplyCategory.INTERESTED));
      awaitCounts(tenant, mailbox, clock.today(), "50/2/0");

      MailboxLimits next = nextDay(limits, mailbox);
      assertThat(next.reason()).isEqualTo("advanced: stage 2 from day 8");
      assertThat(next.dailyCap()).isEqualTo(25);
    }
  }

  @Test
  void unreadableReplyIsDeadLetteredAndLaterRepliesStillCount() {
    String tenant = SampleEvents.newTenantId();
    try (TopicWatcher<?> dead = ContractKafka.watchRaw("dlq.warmup-service")) {
      ContractKafka.publishRaw(
          "reply.classified", tenant, new RecordHeaders(), "{}".getBytes(StandardCharsets.UTF_8));
      assertThat(dead.awaitDeadLetterReason(tenant)).contains("missing header");
    }
    String mailbox = WarmupEvents.mailbox("eve", tenant);
    ContractKafka.publish(reply(tenant, mailbox, ReplyCategory.NOT_INTERESTED));
    ContractKafka.publish(reply(tenant, mailbox, ReplyCategory.INTERESTED));
    TestDatabase.awaitValue(
        "2/1",
        Duration.ofSeconds(30),
        "warmup",
        "SELECT sum(replies) || '/' || sum(negative_replies) FROM send_day WHERE tenant_id = ?",
        tenant);
  }

  // --- helpers ---

  /** Enrolls the mailbox and lives through days 2 to 7 of the plan (cap 20) with a few sends. */
  private void rampToDaySeven(
      TopicWatcher<MailboxLimits> limits, String tenant, String mailbox, WarmupEvents.Key key) {
    ContractKafka.publish(
        WarmupEvents.state(tenant, IsolationTier.ISOLATED, 1, List.of(key), mailbox));
    limits.await(e -> e.data().mailbox().equals(mailbox));
    WarmupEvents.awaitTenant(tenant);
    for (int day = 2; day <= 7; day++) {
      sendSome(tenant, mailbox, 3);
      assertThat(nextDay(limits, mailbox).dailyCap()).isEqualTo(20);
    }
  }

  private ContractEvent<ReplyClassified> reply(
      String tenant, String mailbox, ReplyCategory category) {
    return WarmupEvents.reply(tenant, mailbox, category, clock.instant());
  }

  private void sendFifty(String tenant, String mailbox) {
    sendSome(tenant, mailbox, 50);
    awaitCounts(tenant, mailbox, clock.today(), "50/0/0");
  }

  private void sendSome(String tenant, String mailbox, int count) {
    ContractKafka.publishAll(
        WarmupEvents.emails(tenant, mailbox, EmailEventType.SENT, count, clock.instant()));
  }

  private MailboxLimits nextDay(TopicWatcher<MailboxLimits> limits, String mailbox) {
    clock.advanceDays(1);
    LocalDate day = clock.today();
    return limits
        .await(e -> e.data().mailbox().equals(mailbox) && e.data().day().equals(day))
        .data();
  }

  private static void awaitCounts(String tenant, String mailbox, LocalDate day, String expected) {
    TestDatabase.awaitValue(
        expected,
        Duration.ofSeconds(30),
        "warmup",
        "SELECT sent || '/' || replies || '/' || negative_replies FROM send_day"
            + " WHERE tenant_id = ? AND mailbox = ? AND day = ?",
        tenant,
        mailbox,
        day);
  }
}
