package io.isolane.sending.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.sending.SendingTestResources;
import io.isolane.sending.repository.Ledger;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the ledger's start-up and rebalance reads cost once it holds weeks of sent mail. Not part of
 * the build (surefire runs {@code *Test}):
 *
 * <pre>
 * ./mvnw -pl sending-service verify -Dtest=LedgerReadsBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DskipITs
 * </pre>
 *
 * Knobs: {@code -Dbench.ledgerRows} (sent rows, spread over 30 days), {@code bench.ledgerTenants}.
 */
@QuarkusTest
@WithTestResource(SendingTestResources.class)
class LedgerReadsBenchmark {
  static final int ROWS = Integer.getInteger("bench.ledgerRows", 1_000_000);
  static final int TENANTS = Integer.getInteger("bench.ledgerTenants", 100);

  @Inject Ledger ledger;

  @Test
  void dailyCountWithWeeksOfSentMail() {
    String prefix = SampleEvents.newTenantId();
    Instant started = Instant.now();
    for (int done = 0; done < ROWS; done += 100_000) {
      // row g belongs to tenant g % TENANTS and was claimed g % 30 days ago (and minutes apart)
      TestDatabase.queryString(
          "sending",
          "WITH ins AS (INSERT INTO message (tenant_id, message_id, mailbox, recipient_domain, stream, status,"
              + " priority, request, received_at, updated_at, claimed_at, sent_at)"
              + " SELECT ? || '-' || (g % ?), 'l-' || g, 'ana@mail.example', 'example.org',"
              + " 'MARKETING', 'SENT', 1, '{}', t, t, t, t"
              + " FROM generate_series(?::int, ?::int) g,"
              + " LATERAL (SELECT now() - (g % 30) * interval '1 day' - (g % 1440) * interval '1"
              + " minute' AS t) c RETURNING 1) SELECT count(*) FROM ins",
          prefix,
          TENANTS,
          done + 1,
          Math.min(ROWS, done + 100_000));
    }
    TestDatabase.execute("sending", "VACUUM ANALYZE message");
    System.out.printf(
        "BENCH ledger: %,d sent rows of %d tenants over 30 days stored in %.1f s%n",
        ROWS, TENANTS, Duration.between(started, Instant.now()).toMillis() / 1e3);

    Instant midnight = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    for (int i = 0; i < 5; i++) {
      long t0 = System.nanoTime();
      Map<String, Long> counts =
          ledger.claimedSince(midnight).await().atMost(Duration.ofMinutes(2));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      long today =
          counts.entrySet().stream()
              .filter(e -> e.getKey().startsWith(prefix))
              .mapToLong(Map.Entry::getValue)
              .sum();
      assertThat(today).isPositive().isLessThan(ROWS / 10);
      System.out.printf(
          "BENCH ledger: daily count read (claimed since UTC midnight): %d ms, %,d of today's%n",
          ms, today);
    }
  }
}
