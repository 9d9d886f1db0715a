package io.isolane.sending.client;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.MailboxLimits;
import io.isolane.contracts.events.Suppression;
import io.isolane.contracts.events.SuppressionReason;
import io.isolane.contracts.events.TenantCommand;
import io.isolane.testkit.ContractKafka;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/** What other services publish that sending-service obeys: limits, suppressions, commands. */
final class ControlEvents {
  private ControlEvents() {}

  static void limits(
      String tenant,
      int dailyCap,
      int spacingSeconds,
      int jitterSeconds,
      MailboxLimits.SendingWindow window,
      Integer domainHourlyCap) {
    MailboxLimits limits =
        new MailboxLimits(
            tenant,
            SesTenants.mailbox(tenant),
            LocalDate.now(ZoneOffset.UTC),
            dailyCap,
            spacingSeconds,
            jitterSeconds,
            window,
            1,
            "test",
            Instant.now(),
            domainHourlyCap);
    ContractKafka.publish(ContractEvent.of(EventTypes.MAILBOX_LIMITS, "/test", limits));
  }

  /** Waits until sending-service stored the tenant's mailbox limits (they apply from then on). */
  static void awaitLimitsStored(String tenant) {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(
            () ->
                "1"
                    .equals(
                        io.isolane.testkit.TestDatabase.queryString(
                            "sending",
                            "SELECT count(*) FROM mailbox_limit WHERE tenant_id = ?",
                            tenant)));
  }

  static void suppression(String tenant, String address, boolean suppressed) {
    Suppression s =
        new Suppression(
            tenant,
            address,
            suppressed,
            SuppressionReason.HARD_BOUNCE,
            "evt-" + UUID.randomUUID(),
            Instant.now(),
            null);
    ContractKafka.publish(ContractEvent.of(EventTypes.SUPPRESSION, "/test", s));
  }

  static void command(
      String tenant, TenantCommand.Action action, TenantCommand.Scope scope, String target) {
    TenantCommand c =
        new TenantCommand(
            UUID.randomUUID().toString(),
            tenant,
            action,
            scope,
            target,
            "test " + action,
            "test",
            Instant.now());
    ContractKafka.publish(ContractEvent.of(EventTypes.TENANT_COMMAND, "/test", c));
  }
}
