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
