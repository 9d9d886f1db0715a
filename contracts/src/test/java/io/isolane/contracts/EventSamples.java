package io.isolane.contracts;

import io.isolane.contracts.events.DomainLimits;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.InboundReply;
import io.isolane.contracts.events.IsolationTier;
import io.isolane.contracts.events.MailboxLimits;
import io.isolane.contracts.events.MailboxStatus;
import io.isolane.contracts.events.ReplyCategory;
import io.isolane.contracts.events.ReplyClassified;
import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.events.SenderHealth;
import io.isolane.contracts.events.Stream;
import io.isolane.contracts.events.Suppression;
import io.isolane.contracts.events.SuppressionReason;
import io.isolane.contracts.events.SuppressionRequest;
import io.isolane.contracts.events.TenantCommand;
import io.isolane.contracts.events.TenantEvent;
import io.isolane.contracts.events.TenantState;
import io.isolane.contracts.events.TenantStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One payload per event type with every field set, so every field is exercised. */
final class EventSamples {
  static final String TENANT = "acme-corp";
  static final Instant AT = Instant.parse("2026-11-22T10:15:30.123Z");

  private EventSamples() {}

  static TenantEvent fullSample(EventType<?> type) {
    return switch (type.name()) {
      case "tenant-state" -> tenantState();
      case "send-request" -> sendRequest();
      case "email-event" -> emailEvent();
      case "mailbox-limits" -> mailboxLimits();
      case "domain-limits" -> domainLimits();
      case "suppression" -> suppression();
      case "tenant-command" -> tenantCommand();
      case "inbound-reply" -> inboundReply();
      case "reply-classified" -> replyClassified();
      case "suppression-request" -> suppressionRequest();
      case "sender-health" -> senderHealth();
      default -> throw new IllegalArgumentException("no sample for " + type);
    };
  }

  static TenantState tenantState() {
    return new TenantState(
        TENANT,
        "Acme Corp",
        IsolationTier.ISOLATED,
        TenantStatus.ACTIVE,
        "provisioned",
        "admin:ops",
        new TenantState.SendingLimits(20, 50_000),
        "isl-acme",
        List.of(
            new TenantState.SendingStream(
                Stream.TRANSACTIONAL, "isl-acme-transactional", "isl-acme-transactional"),
            new TenantState.SendingStream(
                Stream.MARKETING, "isl-acme-marketing", "isl-acme-marketing")),
        List.of(
            new TenantState.Domain(
                "mail.acme.example", Stream.TRANSACTIONAL, true, "bounce.mail.acme.example")),
        List.of(
            new TenantState.Mailbox(
                "ana@mail.acme.example",
                "Ana",
                MailboxStatus.WARMING,
                "new mailbox",
                "replies@mail.acme.example")),
        List.of(new TenantState.ApiKeyDigest("key_1", "ab".repeat(32), List.of("send", "read"))),
        7,
        AT);
  }

  static SendRequest sendRequest() {
    return new SendRequest(
        "msg-1",
        TENANT,
        "ana@mail.acme.example",
        Stream.MARKETING,
        List.of("bob@example.org"),
        List.of("carol@example.org"),
        List.of("dave@example.org"),
        List.of("replies@mail.acme.example"),
        "Hello",
        new SendRequest.Content("Hi Bob", "<p>Hi Bob</p>"),
        new SendRequest.Template("welcome", Map.of("name", "Bob")),
        Map.of("X-Campaign", "spring"),
        Map.of("campaign", "spring"),
        "spring-2026",
        "idem-1",
        AT,
        AT.plusSeconds(86_400),
        AT);
  }

  static EmailEvent emailEvent() {
    return new EmailEvent(
        "msg-1",
        TENANT,
        EmailEventType.DELIVERY_DELAYED,
        "ana@mail.acme.example",
        Stream.MARKETING,
        "bob@example.org",
        AT,
        "mailbox full",
        "0100018c-1234",
        new EmailEvent.Bounce("transient", "MailboxFull", "452 4.2.2 Mailbox full", "mailboxfull"),
        "abuse",
        Map.of("campaign", "spring"));
  }

  static MailboxLimits mailboxLimits() {
    return new MailboxLimits(
        TENANT,
        "ana@mail.acme.example",
        LocalDate.of(2026, 11, 22),
        24,
        120,
        30,
        new MailboxLimits.SendingWindow("Europe/Lisbon", List.of(1, 2, 3, 4, 5), 9, 18),
        2,
        "advanced: healthy",
        AT,
        20);
  }

  static DomainLimits domainLimits() {
    return new DomainLimits(
        TENANT,
        "mail.acme.example",
        LocalDate.of(2026, 11, 22),
        200,
        "Europe/Lisbon",
        2,
        "advanced: healthy",
        AT);
  }

  static Suppression suppression() {
    return new Suppression(
        TENANT,
        "bob@example.org",
        true,
        SuppressionReason.HARD_BOUNCE,
        "evt-9",
        AT,
        AT.plusSeconds(3_600));
  }

  static TenantCommand tenantCommand() {
    return new TenantCommand(
        "cmd-1",
        TENANT,
        TenantCommand.Action.PAUSE,
        TenantCommand.Scope.MAILBOX,
        "ana@mail.acme.example",
        "hard bounce rate 6%",
        "feedback-service",
        AT);
  }

  static InboundReply inboundReply() {
    return new InboundReply(
        "reply-1",
        TENANT,
        "ana@mail.acme.example",
        "bob@example.org",
        "ses-in-1",
        AT,
        "RnJvbTogYm9iQGV4YW1wbGUub3JnDQoNCkhp",
        "GRAY",
        "PASS");
  }

  static ReplyClassified replyClassified() {
    return new ReplyClassified(
        "reply-1",
        TENANT,
        "ana@mail.acme.example",
        "bob@example.org",
        "msg-1",
        ReplyCategory.OUT_OF_OFFICE,
        0.93,
        "pt",
        LocalDate.of(2027, 3, 3),
        AT,
        false,
        "carol@example.org",
        "Estou fora até 3 de março.",
        java.util.List.of("header Auto-Submitted: auto-replied", "phrase \"estou fora\""),
        "spring-launch",
        "bob@example.org",
        new ReplyClassified.BounceReport(
            java.util.List.of("gone@example.org"),
            "5.1.1",
            true,
            "userunknown",
            "550 5.1.1 no such user"));
  }

  static SuppressionRequest suppressionRequest() {
    return new SuppressionRequest(
        "req-1",
        TENANT,
        "bob@example.org",
        SuppressionReason.UNSUBSCRIBE,
        "reply-1",
        "reply-classifier",
        "\"please remove me from your list\"",
        AT,
        AT.plusSeconds(86_400));
  }

  static SenderHealth senderHealth() {
    return new SenderHealth(
        "health-1",
        TENANT,
        SenderHealth.Scope.MAILBOX,
        "ana@mail.acme.example",
        SenderHealth.Status.BREACH,
        SenderHealth.Status.WARNING,
        200,
        9,
        3,
        0,
        1,
        4,
        0.045,
        0.0,
        "hard bounces 4.5% of the last 200 sends, over the 4% pause threshold",
        "cmd-1",
        AT);
  }
}
