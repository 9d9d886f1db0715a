package io.isolane.sending.service;

import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.MailboxStatus;
import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.events.TenantState;
import io.isolane.sending.Claim;
import io.isolane.sending.Lane;
import io.isolane.sending.MessageStatus;
import io.isolane.sending.Outcome;
import io.isolane.sending.OutgoingEmail;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks before a send (not expired, tenant not deleted, mailbox active on a ready domain, a
 * configuration set for the stream) and the SES call that follows when they pass.
 */
final class Preparation {
  private Preparation() {}

  /**
   * Either an outcome without calling SES, or the email to send.
   *
   * @param outcome set when the message is settled without SES
   * @param email set when SES should be called
   */
  record Prepared(Outcome outcome, OutgoingEmail email) {}

  static Prepared of(Claim claim, Lane lane, Instant now, Instant retryAt) {
    SendRequest r = claim.request();
    if (claim.expiresAt() != null && claim.expiresAt().isBefore(now)) {
      return settled(
          Outcome.terminal(
              claim,
              MessageStatus.EXPIRED,
              EmailEventType.EXPIRED,
              "expired at " + claim.expiresAt()));
    }
    if (lane.deleted()) {
      return settled(
          Outcome.terminal(
              claim, MessageStatus.CANCELLED, EmailEventType.CANCELLED, "tenant deleted"));
    }
    Optional<TenantState.Mailbox> mailbox = lane.mailbox(r.mailbox());
    if (mailbox.isEmpty()) {
      return settled(
          Outcome.terminal(
              claim,
              MessageStatus.FAILED,
              EmailEventType.FAILED,
              "mailbox " + r.mailbox() + " is not one of the tenant's"));
    }
    if (mailbox.get().status() == MailboxStatus.PAUSED) {
      return settled(
          Outcome.deferred(claim, "mailbox paused: " + mailbox.get().statusReason(), retryAt));
    }
    if (!lane.domainReady(r.mailbox())) {
      return settled(
          Outcome.deferred(claim, "domain of " + r.mailbox() + " is not ready", retryAt));
    }
    Optional<String> set = lane.configurationSet(r.stream());
    if (set.isEmpty()) {
      return settled(
          Outcome.deferred(claim, "no configuration set for " + r.stream() + " yet", retryAt));
    }
    return new Prepared(null, email(r, lane, mailbox.get(), set.get()));
  }

  private static Prepared settled(Outcome outcome) {
    return new Prepared(outcome, null);
  }

  private static OutgoingEmail email(
      SendRequest r, Lane lane, TenantState.Mailbox mailbox, String configurationSet) {
    Map<String, String> tags = new LinkedHashMap<>();
    if (r.tags() != null) {
      r.tags().forEach((k, v) -> tags.put(tag(k), tag(v)));
    }
    tags.put("isolane-tenant", tag(r.tenantId()));
    tags.put("isolane-mailbox", tag(r.mailbox()));
    tags.put("isolane-message", tag(r.messageId()));
    if (r.campaignId() != null) {
      tags.put("isolane-campaign", tag(r.campaignId()));
    }
    List<String> replyTo =
        !r.replyTo().isEmpty() || mailbox.replyTo() == null
            ? r.replyTo()
            : List.of(mailbox.replyTo());
    return new OutgoingEmail(
        lane.state().sesTenantName(),
        configurationSet,
        from(mailbox),
        r.to(),
        r.cc(),
        r.bcc(),
        replyTo,
        r.subject(),
        r.content() == null ? null : r.content().text(),
        r.content() == null ? null : r.content().html(),
        r.template() == null ? null : r.template().name(),
        r.template() == null ? null : LifecycleEvents.json(r.template().data()),
        r.headers() == null ? Map.of() : r.headers(),
        tags);
  }

  private static String from(TenantState.Mailbox mailbox) {
    if (mailbox.displayName() == null || mailbox.displayName().isBlank()) {
      return mailbox.address();
    }
    String name = mailbox.displayName();
    if (!StandardCharsets.US_ASCII.newEncoder().canEncode(name)) {
      // SES wants non-ASCII display names as an RFC 2047 encoded-word
      String encoded = Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8));
      return "=?UTF-8?B?" + encoded + "?= <" + mailbox.address() + ">";
    }
    String quoted = name.replace("\\", "\\\\").replace("\"", "\\\"");
    return "\"" + quoted + "\" <" + mailbox.address() + ">";
  }

  /** SES tag names and values allow ASCII letters, digits, '_' and '-' only. */
  static String tag(String value) {
    String cleaned = value.replaceAll("[^A-Za-z0-9_-]", "_");
    return cleaned.length() > 256 ? cleaned.substring(0, 256) : cleaned;
  }
}
