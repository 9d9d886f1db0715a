package io.isolane.testkit;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.DomainLimits;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.InboundReply;
import io.isolane.contracts.events.IsolationTier;
import io.isolane.contracts.events.MailboxStatus;
import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.events.Stream;
import io.isolane.contracts.events.SuppressionReason;
import io.isolane.contracts.events.SuppressionRequest;
import io.isolane.contracts.events.TenantState;
import io.isolane.contracts.events.TenantStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Ready-made contract events for tests, with every required field and sensible values. */
public final class SampleEvents {
  public static final String SOURCE = "/isolane/test";

  private SampleEvents() {}

  /** A fresh tenant id, so tests never see each other's data. */
  public static String newTenantId() {
    return "t-" + UUID.randomUUID().toString().substring(0, 12);
  }

  /** A tenant state with one domain and the given mailboxes. */
  public static ContractEvent<TenantState> tenantState(
      String tenantId, TenantStatus status, long version, String... mailboxes) {
    return tenantState(tenantId, status, version, List.of(), mailboxes);
  }

  /** A tenant state with one domain, the given mailboxes and live API keys. */
  public static ContractEvent<TenantState> tenantState(
      String tenantId,
      TenantStatus status,
      long version,
      List<TenantState.ApiKeyDigest> apiKeys,
      String... mailboxes) {
    List<TenantState.Mailbox> boxes =
        java.util.Arrays.stream(mailboxes)
            .map(a -> new TenantState.Mailbox(a, null, MailboxStatus.WARMING, null, null))
            .toList();
    TenantState state =
        new TenantState(
            tenantId,
            "Tenant " + tenantId,
            IsolationTier.ISOLATED,
            status,
            null,
            "test",
            new TenantState.SendingLimits(10, 10_000),
            "isl-" + tenantId,
            List.of(
                new TenantState.SendingStream(
                    Stream.TRANSACTIONAL, "isl-" + tenantId + "-transactional", null),
                new TenantState.SendingStream(
                    Stream.MARKETING, "isl-" + tenantId + "-marketing", null)),
            List.of(
                new TenantState.Domain(
                    "mail." + tenantId + ".example",
                    Stream.MARKETING,
                    true,
                    "bounce.mail." + tenantId + ".example")),
            boxes,
            apiKeys,
            version,
            Instant.now());
    return ContractEvent.of(EventTypes.TENANT_STATE, SOURCE, state);
  }

  /** A marketing send request to one recipient. */
  public static ContractEvent<SendRequest> sendRequest(String tenantId, String messageId) {
    SendRequest request =
        new SendRequest(
            messageId,
            tenantId,
            "ana@mail." + tenantId + ".example",
            Stream.MARKETING,
            List.of("bob@example.org"),
            List.of(),
            List.of(),
            List.of(),
            "Hello",
            new SendRequest.Content("Hi Bob", null),
            null,
            Map.of(),
            Map.of("campaign", "test"),
            null,
            null,
            null,
            null,
            Instant.now());
    return ContractEvent.of(EventTypes.SEND_REQUEST, SOURCE, request);
  }

  /** A bounce or complaint (or any other lifecycle step) for one recipient. */
  public static ContractEvent<EmailEvent> emailEvent(
      String tenantId, EmailEventType type, String recipient, EmailEvent.Bounce bounce) {
    EmailEvent event =
        new EmailEvent(
            "msg-" + UUID.randomUUID(),
            tenantId,
            type,
            "ana@mail." + tenantId + ".example",
            Stream.MARKETING,
            recipient,
            Instant.now(),
            null,
            "ses-" + UUID.randomUUID(),
            bounce,
            type == EmailEventType.COMPLAINED ? "abuse" : null,
            Map.of());
    return ContractEvent.of(EventTypes.EMAIL_EVENT, SOURCE, event);
  }

  /** An inbound reply whose raw MIME is the given RFC 5322 text. */
  public static ContractEvent<InboundReply> inboundReply(
      String tenantId, String recipient, String rawMessage) {
    InboundReply reply =
        new InboundReply(
            "reply-" + UUID.randomUUID(),
            tenantId,
            recipient,
            "bob@example.org",
            "ses-in-" + UUID.randomUUID(),
            Instant.now(),
            Base64.getEncoder().encodeToString(rawMessage.getBytes(StandardCharsets.UTF_8)));
    return ContractEvent.of(EventTypes.INBOUND_REPLY, SOURCE, reply);
  }

  /** Warm-up's daily cap for one sending domain of the tenant. */
  public static ContractEvent<DomainLimits> domainLimits(String tenantId, String domain) {
    DomainLimits limits =
        new DomainLimits(
            tenantId, domain, LocalDate.now(ZoneOffset.UTC), 200, "UTC", 2, "test", Instant.now());
    return ContractEvent.of(EventTypes.DOMAIN_LIMITS, SOURCE, limits);
  }

  /** A request to suppress a recipient of the tenant (an unsubscribe reply, say). */
  public static ContractEvent<SuppressionRequest> suppressionRequest(
      String tenantId, String address) {
    SuppressionRequest request =
        new SuppressionRequest(
            "req-" + UUID.randomUUID(),
            tenantId,
            address,
            SuppressionReason.UNSUBSCRIBE,
            "reply-" + UUID.randomUUID(),
            "reply-classifier",
            "test",
            Instant.now(),
            null);
    return ContractEvent.of(EventTypes.SUPPRESSION_REQUEST, SOURCE, request);
  }
}
