package io.isolane.warmup;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.IsolationTier;
import io.isolane.contracts.events.MailboxStatus;
import io.isolane.contracts.events.ReplyCategory;
import io.isolane.contracts.events.ReplyClassified;
import io.isolane.contracts.events.SenderHealth;
import io.isolane.contracts.events.Stream;
import io.isolane.contracts.events.TenantState;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Events the warm-up tests feed the service: tenant states with keys, health, sends, replies. */
final class WarmupEvents {
  private static final SecureRandom RANDOM = new SecureRandom();

  private WarmupEvents() {}

  /** An API key in tenant-service's format and the digest tenant.state carries for it. */
  record Key(String secret, TenantState.ApiKeyDigest digest) {
    static Key of(String... scopes) {
      byte[] id = new byte[10];
      byte[] secret = new byte[32];
      RANDOM.nextBytes(id);
      RANDOM.nextBytes(secret);
      String key =
          "isk_"
              + HexFormat.of().formatHex(id)
              + "_"
              + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
      return new Key(
          key,
          new TenantState.ApiKeyDigest(HexFormat.of().formatHex(id), sha256(key), List.of(scopes)));
    }

    String bearer() {
      return "Bearer " + secret;
    }
  }

  /** A tenant's state with its domain, mailboxes and keys. */
  static ContractEvent<TenantState> state(
      String tenantId, IsolationTier tier, long version, List<Key> keys, String... mailboxes) {
    List<TenantState.Mailbox> boxes = new ArrayList<>();
    for (String m : mailboxes) {
      boxes.add(mailbox(m, MailboxStatus.WARMING, null));
    }
    return state(tenantId, tier, TenantStatus.ACTIVE, null, version, keys, boxes);
  }

  static TenantState.Mailbox mailbox(String address, MailboxStatus status, String reason) {
    return new TenantState.Mailbox(address, null, status, reason, null);
  }

  /** A tenant's state with its status and mailboxes as given. */
  static ContractEvent<TenantState> state(
      String tenantId,
      IsolationTier tier,
      TenantStatus status,
      String statusReason,
      long version,
      List<Key> keys,
      List<TenantState.Mailbox> boxes) {
    TenantState state =
        new TenantState(
            tenantId,
            "Tenant " + tenantId,
            tier,
            status,
            statusReason,
            "test",
            new TenantState.SendingLimits(10, 100_000),
            "isl-" + tenantId,
            List.of(
                new TenantState.SendingStream(
                    Stream.MARKETING,
                    "isl-" + tenantId + "-marketing",
                    tier == IsolationTier.DEDICATED ? "pool-" + tenantId : null)),
            List.of(
                new TenantState.Domain(
                    domain(tenantId), Stream.MARKETING, true, "bounce." + domain(tenantId))),
            boxes,
            keys.stream().map(Key::digest).toList(),
            version,
            Instant.now());
    return ContractEvent.of(EventTypes.TENANT_STATE, SampleEvents.SOURCE, state);
  }

  static String domain(String tenantId) {
    return "mail." + tenantId + ".example";
  }

  static String mailbox(String name, String tenantId) {
    return name + "@" + domain(tenantId);
  }

  /** A health change of one scope, observed at {@code at}. */
  static ContractEvent<SenderHealth> health(
      String tenantId,
      SenderHealth.Scope scope,
      String target,
      SenderHealth.Status status,
      String reason,
      Instant at) {
    boolean breach = status == SenderHealth.Status.BREACH;
    SenderHealth health =
        new SenderHealth(
            UUID.randomUUID().toString(),
            tenantId,
            scope,
            target,
            status,
            SenderHealth.Status.HEALTHY,
            200,
            status == SenderHealth.Status.HEALTHY ? 1 : 12,
            3,
            reason.contains("complaint") ? 2 : 0,
            0,
            4,
            status == SenderHealth.Status.HEALTHY ? 0.005 : 0.06,
            reason.contains("complaint") ? 0.01 : 0.0,
            reason,
            breach ? "cmd-" + UUID.randomUUID() : null,
            at);
    return ContractEvent.of(EventTypes.SENDER_HEALTH, SampleEvents.SOURCE, health);
  }

  /** {@code count} events of one type for a mailbox, happening at {@code at}. */
  static List<ContractEvent<EmailEvent>> emails(
      String tenantId, String mailbox, EmailEventType type, int count, Instant at) {
    List<ContractEvent<EmailEvent>> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      EmailEvent.Bounce bounce =
          type == EmailEventType.BOUNCED
              ? new EmailEvent.Bounce(
                  "permanent", "NoEmail", "550 5.1.1 no such user", "userunknown")
              : null;
      events.add(
          ContractEvent.of(
              EventTypes.EMAIL_EVENT,
              SampleEvents.SOURCE,
              new EmailEvent(
                  "msg-" + UUID.randomUUID(),
                  tenantId,
                  type,
                  mailbox,
                  Stream.MARKETING,
                  "r" + i + "@example.org",
                  at,
                  null,
                  "ses-" + UUID.randomUUID(),
                  bounce,
                  type == EmailEventType.COMPLAINED ? "abuse" : null,
                  Map.of())));
    }
    return events;
  }

  /** A classified reply to a mailbox, classified at {@code at}. */
  static ContractEvent<ReplyClassified> reply(
      String tenantId, String mailbox, ReplyCategory category, Instant at) {
    ReplyClassified reply =
        new ReplyClassified(
            "reply-" + UUID.randomUUID(),
            tenantId,
            mailbox,
            "someone@example.org",
            "msg-" + UUID.randomUUID(),
            category,
            0.9,
            "en",
            null,
            at);
    return ContractEvent.of(EventTypes.REPLY_CLASSIFIED, SampleEvents.SOURCE, reply);
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits until the service has applied the tenant's first state, keys included. */
  static void awaitTenant(String tenant) {
    TestDatabase.awaitValue(
        "1",
        Duration.ofSeconds(30),
        "warmup",
        "SELECT count(*) FROM tenant t WHERE tenant_id = ?"
            + " AND EXISTS (SELECT 1 FROM api_key k WHERE k.tenant_id = t.tenant_id)",
        tenant);
  }
}
