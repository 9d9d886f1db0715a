package io.isolane.sending.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.contracts.ContractJson;
import io.isolane.contracts.events.Stream;
import io.isolane.sending.SendingTestResources;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.SesSimulatorResource;
import io.isolane.testkit.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A tenant that moves to this instance in a rebalance brings what its previous owner sent today:
 * the tenant's daily limit and its mailboxes' daily caps count those sends too. The previous
 * owner's sends are written into the ledger as that instance would have; a consumer joining and
 * leaving the service's group makes the rebalance.
 */
@QuarkusTest
@WithTestResource(SendingTestResources.class)
class LimitsAcrossRebalanceTest {

  @BeforeEach
  void setUp() {
    SesSimulatorResource.simulator().setSendingQuota(1_000, 10_000_000);
  }

  @Test
  void dailyLimitAndMailboxCapCountWhatThePreviousOwnerSent() {
    String limited = SampleEvents.newTenantId(); // 10 a day
    String capped = SampleEvents.newTenantId(); // its mailbox 6 a day
    SesTenants.provision(limited, 50, 10);
    SesTenants.provision(capped, 50, 100_000);
    ControlEvents.limits(capped, 6, 0, 0, null, null);
    ControlEvents.awaitLimitsStored(capped);
    // one send each: the service has counted both before the other owner's sends appear
    publish(limited, "first-", 1);
    publish(capped, "first-", 1);
    FlowChecks.awaitSent(limited, 1, Duration.ofSeconds(20));
    FlowChecks.awaitSent(capped, 1, Duration.ofSeconds(20));

    sentElsewhereToday(limited, 6); // 7 of 10
    sentElsewhereToday(capped, 3); // 4 of 6
    rebalance();
    publish(limited, "after-", 5);
    publish(capped, "after-", 5);

    FlowChecks.awaitSent(limited, 4, Duration.ofSeconds(20));
    FlowChecks.awaitSent(capped, 3, Duration.ofSeconds(20));
    FlowChecks.awaitQuiet(limited);
    FlowChecks.awaitQuiet(capped);
    assertThat(SesTenants.sent(limited)).hasSize(4);
    assertThat(SesTenants.sent(capped)).hasSize(3);
    assertThat(FlowChecks.ledger(limited)).contains("ACCEPTED=2").contains("SENT=10");
    assertThat(FlowChecks.ledger(capped)).contains("ACCEPTED=3").contains("SENT=6");
  }

  private static void publish(String tenant, String prefix, int n) {
    IntStream.range(0, n)
        .forEach(
            i -> ContractKafka.publish(SesTenants.request(tenant, prefix + i, Stream.MARKETING)));
  }

  /** Ledger rows as another instance leaves them for messages it sent today. */
  private static void sentElsewhereToday(String tenant, int n) {
    String request = json(SesTenants.request(tenant, "elsewhere", Stream.MARKETING).data());
    String inserted =
        TestDatabase.queryString(
            "sending",
            "WITH ins AS (INSERT INTO message (tenant_id, message_id, mailbox, recipient_domain,"
                + " stream, status, priority, request, received_at, updated_at, claimed_at,"
                + " sent_at, attempts)"
                + " SELECT ?, 'elsewhere-' || g, ?, 'simulator.amazonses.com', 'MARKETING',"
                + " 'SENT', 1, ?, now(), now(), now(), now(), 1 FROM generate_series(1, ?) g"
                + " RETURNING 1) SELECT count(*) FROM ins",
            tenant,
            SesTenants.mailbox(tenant).toLowerCase(Locale.ROOT),
            request,
            n);
    assertThat(inserted).isEqualTo(Integer.toString(n));
  }

  /** Joins the service's send.requests group until partitions are shared, then leaves it. */
  private static void rebalance() {
    GroupMember.join().close();
  }

  private static String json(Object value) {
    try {
      return ContractJson.mapper().writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
