package io.isolane.sending.service;

import io.isolane.contracts.SesTags;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.MailboxStatus;
import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.events.Stream;
import io.isolane.contracts.events.TenantState;
import io.isolane.sending.Claim;
import io.isolane.sending.Lane;
import io.isolane.sending.MessageStatus;
import io.isolane.sending.Outcome;
import io.isolane.sending.OutgoingEmail;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks before a send (not expired, tenant not deleted, mailbox active on a ready domain, a
 * configuration set for the stream, recipients not suppressed by the tenant) and the SES call that
 * follows when they pass, with a signed one-click unsubscribe link for marketing mail.
 */
@ApplicationScoped
public class Preparation {
  private final UnsubscribeLinks unsubscribe;

  public Preparation(UnsubscribeLinks unsubscribe) {
    this.unsubscribe = unsubscribe;
  }

  /**
   * Either an outcome without calling SES, or the email to send.
   *
   * @param outcome set when the message is settled without SES
   * @param email set when SES should be called
   * @param note what the sent event should say (suppressed recipients left out), or null
   */
  record Prepared(Outcome outcome, OutgoingEmail email, String note) {}

  Prepared of(Claim claim, Lane lane, Set<String> suppressed, Instant now, Instant retryAt) {
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
      return failed(claim, "mailbox " + r.mailbox() + " is not one of the tenant's");
    }
    List<String> all = Suppressions.recipients(r);
    if (r.stream() == Stream.MARKETING && all.size() != 1) {
      return failed(claim, "marketing mail goes to exactly one recipient (its unsubscribe link)");
    }
    List<String> left =
        all.stream().filter(a -> !suppressed.contains(Suppressions.key(r.tenantId(), a))).toList();
    if (left.isEmpty()) {
      return settled(
          Outcome.terminal(
              claim,
              MessageStatus.SUPPRESSED,
              EmailEventType.SUPPRESSED,
              "suppressed by the tenant: " + String.join(", ", all)));
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
    List<String> dropped = all.stream().filter(a -> !left.contains(a)).toList();
    return new Prepared(
        null,
        email(withRecipients(r, left), lane, mailbox.get(), set.get(), now),
        dropped.isEmpty() ? null : "not sent to suppressed " + String.join(", ", dropped));
  }

  private static Prepared failed(Claim claim, String reason) {
    return settled(Outcome.terminal(claim, MessageStatus.FAILED, EmailEventType.FAILED, reason));
  }

  private static SendRequest withRecipients(SendRequest r, List<String> left) {
    if (left.size() == Suppressions.recipients(r).size()) {
      return r;
    }
    return r.withRecipients(
        r.to().stream().filter(left::contains).toList(),
        r.cc().stream().filter(left::contains).toList(),
        r.bcc().stream().filter(left::contains).toList());
  }

  private static Prepared settled(Outcome outcome) {
    return new Prepared(outcome, null, null);
  }

  private OutgoingEmail email(
      SendRequest r, Lane lane, TenantState.Mailbox mailbox, String configurationSet, Instant now) {
    Map<String, String> tags = new LinkedHashMap<>();
    if (r.tags() != null) {
      r.tags().forEach((k, v) -> tags.put(SesTags.value(k), SesTags.value(v)));
    }
    tags.put(SesTags.TENANT, SesTags.value(r.tenantId()));
    tags.put(SesTags.MAILBOX, SesTags.value(r.mailbox()));
    tags.put(SesTags.MESSAGE, SesTags.value(r.messageId()));
    if (r.campaignId() != null) {
      tags.put(SesTags.CAMPAIGN, SesTags.value(r.campaignId()));
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
        headers(r, now),
        tags);
  }

  /** The request's headers; marketing mail gets the RFC 8058 one-click unsubscribe pair. */
  private Map<String, String> headers(SendRequest r, Instant now) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (r.headers() != null) {
      r.headers().forEach(headers::put);
    }
    if (r.stream() == Stream.MARKETING) {
      headers.keySet().removeIf(h -> h.toLowerCase(Locale.ROOT).startsWith("list-unsubscribe"));
      headers.put("List-Unsubscribe", "<" + unsubscribe.url(r, now) + ">");
      headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
    return headers;
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
}
