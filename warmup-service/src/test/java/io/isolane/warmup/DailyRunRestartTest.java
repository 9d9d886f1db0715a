package io.isolane.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.IsolationTier;
import io.isolane.contracts.events.MailboxLimits;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.TestDatabase;
import io.isolane.testkit.TopicWatcher;
import io.isolane.warmup.service.DailyRun;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A day is computed once, however many runs race for it: runs started as another instance (or the
 * same service after a restart mid-day) would start them, concurrently with the scheduled one.
 */
@QuarkusTest
@WithTestResource(WarmupTestResources.class)
class DailyRunRestartTest {
  @Inject TestClock clock;
  @Inject DailyRun dailyRun;
  @Inject Vertx vertx;

  @Test
  void racingRunsAndReRunsMidDayNeverAdvanceADayTwice() throws Exception {
    String tenant = SampleEvents.newTenantId();
    String mailbox = WarmupEvents.mailbox("dan", tenant);
    try (TopicWatcher<MailboxLimits> limits = ContractKafka.watch(EventTypes.MAILBOX_LIMITS)) {
      ContractKafka.publish(
          WarmupEvents.state(tenant, IsolationTier.ISOLATED, 1, List.of(), mailbox));
      limits.await(e -> e.data().mailbox().equals(mailbox));

      for (int day = 0; day < 3; day++) {
        clock.advanceDays(1);
        // four "instances" start their run the moment the day turns, racing the scheduled one
        runConcurrently(4);
        var today = clock.today();
        limits.await(e -> e.data().mailbox().equals(mailbox) && e.data().day().equals(today));
        // and a restarted instance runs again later the same day
        runConcurrently(2);
      }
      // one more day's wait for anything stray to reach the topic: nothing for the first days
      clock.advanceDays(1);
      var fourth = clock.today();
      limits.await(e -> e.data().mailbox().equals(mailbox) && e.data().day().equals(fourth));

      List<MailboxLimits> published = new ArrayList<>();
      for (var record : limits.seen()) {
        MailboxLimits l = EventCodec.decode(EventTypes.MAILBOX_LIMITS, record).data();
        if (l.mailbox().equals(mailbox)) {
          published.add(l);
        }
      }
      // enrolment + exactly one limits record per day
      assertThat(published).extracting(MailboxLimits::day).doesNotHaveDuplicates().hasSize(5);
      assertThat(published)
          .extracting(MailboxLimits::reason)
          .filteredOn(r -> r.startsWith("advanced"))
          .hasSize(4);
    }
    assertThat(
            TestDatabase.queryString(
                "warmup",
                "SELECT plan_day || '/' || (SELECT count(*) FROM cap_history h WHERE h.sender_id = s.id"
                    + " AND h.trigger = 'daily') FROM sender_warmup s WHERE tenant_id = ? AND sender = ?",
                tenant,
                mailbox))
        .as("plan day / daily decisions")
        .isEqualTo("5/4");
  }

  private void runConcurrently(int n) throws Exception {
    OnVertx.runConcurrently(vertx, n, () -> dailyRun.runUntilDone(0));
  }
}
