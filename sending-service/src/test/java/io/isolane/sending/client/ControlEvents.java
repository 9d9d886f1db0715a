package io.isolane.sending.client;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.DomainLimits;
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
    limits(
        tenant,
        SesTenants.mailbox(tenant),
        LocalDate.now(ZoneOffset.UTC),
        dailyCap,
        spacingSeconds,
        jitterSeconds,
        window,
        domainHourlyCap);
  }

  /** A mailbox's limits for {@code day} (UTC), without spacing or window. */
  static void limits(String tenant, String mailbox, LocalDate day, int dailyCap) {
    limits(tenant, mailbox, day, dailyCap, 0, 0, null, null);
  }

  private static void limits(
      String tenant,
      String mailbox,
      LocalDate day,
      int dailyCap,
      int spacingSeconds,
      int jitterSeconds,
      MailboxLimits.SendingWindow window,
      Integer domainHourlyCap) {
    MailboxLimits limits =
        new MailboxLimits(
            tenant,
            mailbox,
            day,
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
    awaitStored("mailbox_limit", tenant, LocalDate.now(ZoneOffset.UTC), 1);
  }

  /** The tenant's domain's daily cap for {@code day} (UTC). */
  static void domainLimits(String tenant, LocalDate day, int dailyCap) {
    DomainLimits limits =
        new DomainLimits(
            tenant, SesTenants.domain(tenant), day, dailyCap, "UTC", 1, "test", Instant.now());
    ContractKafka.publish(ContractEvent.of(EventTypes.DOMAIN_LIMITS, "/test", limits));
  }

  /**
   * Waits until sending-service stored {@code count} limits of the tenant for {@code day} in {@code
   * table} (mailbox_limit or domain_limit): they apply from then on.
   */
  static void awaitStored(String table, String tenant, LocalDate day, int count) {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(
            () ->
                String.valueOf(count)
                    .equals(
                        io.isolane.testkit.TestDatabase.queryString(
                            "sending",
                            "SELECT count(*) FROM "
                                + table
                                + " WHERE tenant_id = ? AND limits::jsonb ->> 'day' = ?",
                            tenant,
                            day.toString())));
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
