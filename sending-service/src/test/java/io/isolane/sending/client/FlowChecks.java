package io.isolane.sending.client;

import static org.awaitility.Awaitility.await;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.sessimulator.state.SentMessage;
import io.isolane.testkit.TestDatabase;
import io.isolane.testkit.TopicWatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/** What the sending flow tests check on: events, the simulator's record and the ledger. */
final class FlowChecks {
  private FlowChecks() {}

  static ContractEvent<EmailEvent> awaitEvent(
      TopicWatcher<EmailEvent> events, String tenant, String messageId, EmailEventType type) {
    try {
      return events.await(
          e ->
              e.subject().equals(tenant)
                  && e.data().messageId().equals(messageId)
                  && e.data().type() == type,
          Duration.ofSeconds(60));
    } catch (AssertionError e) {
      throw new AssertionError(
          "no " + type + " for " + messageId + "; ledger " + ledger(tenant) + "; " + outbox(), e);
    }
  }

  /** How many events wait in the outbox and since when, for failure messages. */
  static String outbox() {
    return TestDatabase.queryString(
        "sending",
        "SELECT 'outbox holds ' || count(*) || ' events, oldest from ' || coalesce(min(event_time)"
            + "::text, '-') || ', now ' || now() FROM outbox_event");
  }

  /** Waits until the simulator recorded {@code count} sends of the tenant. */
  static void awaitSent(String tenant, int count, Duration timeout) {
    try {
      await().atMost(timeout).until(() -> SesTenants.sent(tenant).size() >= count);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "expected "
              + count
              + " sends, simulator has "
              + SesTenants.sent(tenant).size()
              + ", ledger "
              + ledger(tenant),
          e);
    }
  }

  /** The tenant's ledger by status, for failure messages. */
  static String ledger(String tenant) {
    return TestDatabase.queryString(
        "sending",
        "SELECT string_agg(status || '=' || n || ' ' || coalesce(r, ''), ', ') FROM (SELECT status,"
            + " count(*) n, max(status_reason) r FROM message WHERE tenant_id = ? GROUP BY status) s",
        tenant);
  }

  /** Waits until the tenant's sent count stops moving for a second. */
  static void awaitQuiet(String tenant) {
    int[] last = {-1};
    await()
        .pollInterval(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              int now = SesTenants.sent(tenant).size();
              boolean quiet = now == last[0];
              last[0] = now;
              return quiet;
            });
  }

  /** Most sends in any one-second window. */
  static long perSecondPeak(List<Instant> sorted) {
    long peak = 0;
    for (int i = 0, j = 0; i < sorted.size(); i++) {
      while (Duration.between(sorted.get(j), sorted.get(i)).compareTo(Duration.ofSeconds(1)) >= 0) {
        j++;
      }
      peak = Math.max(peak, i - j + 1);
    }
    return peak;
  }

  static Map<String, Long> idsOf(List<SentMessage> sent) {
    return sent.stream()
        .collect(
            Collectors.groupingBy(m -> m.tags().get("isolane-message"), Collectors.counting()));
  }
}
