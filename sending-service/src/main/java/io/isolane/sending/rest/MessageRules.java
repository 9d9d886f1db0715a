package io.isolane.sending.rest;

import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.events.Stream;
import io.isolane.contracts.events.TenantState;
import io.isolane.sending.config.ApiConfig;
import io.isolane.servicekit.rest.Violations;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one posted message against the API's rules and the tenant's state, and turns it into the
 * {@code SendRequest} contract. Every rule reports its field; nothing stops at the first error.
 */
final class MessageRules {
  static final int MAX_SUBJECT = 998;
  static final int MAX_REPLY_TO = 10;
  static final int MAX_TAG = 256;

  private final ApiConfig config;
  private final TenantState tenant;
  private final Instant now;

  MessageRules(ApiConfig config, TenantState tenant, Instant now) {
    this.config = config;
    this.tenant = tenant;
    this.now = now;
  }

  /** The request to produce for {@code m}; {@code p} is the field prefix, e.g. messages[3]. */
  SendRequest check(MessageInput m, String p, Violations v, String messageId, String key) {
    String mailbox = mailbox(m.mailbox(), p, v);
    if (m.stream() == null) {
      v.invalid(p + "stream", "is required: transactional or marketing");
    }
    List<String> to = addresses(m.to(), p + "to", v);
    if (to.isEmpty() && (m.to() == null || m.to().isEmpty())) {
      v.invalid(p + "to", "needs at least one recipient");
    }
    List<String> cc = addresses(m.cc(), p + "cc", v);
    List<String> bcc = addresses(m.bcc(), p + "bcc", v);
    int recipients = size(m.to()) + size(m.cc()) + size(m.bcc());
    if (m.stream() == Stream.MARKETING && recipients > 1) {
      // its one-click unsubscribe link must belong to the one person who receives it
      v.invalid(p + "to", "marketing mail goes to exactly one recipient");
    } else if (recipients > config.maxRecipients()) {
      v.invalid(
          p + "to",
          "to, cc and bcc together must be at most " + config.maxRecipients() + " addresses");
    }
    List<String> replyTo = addresses(m.replyTo(), p + "replyTo", v);
    if (size(m.replyTo()) > MAX_REPLY_TO) {
      v.invalid(p + "replyTo", "must have at most " + MAX_REPLY_TO + " addresses");
    }
    body(m, p, v);
    HeaderRules.check(m.headers(), p, config.maxHeaders(), v);
    tags(m, p, v);
    times(m, p, v);
    return new SendRequest(
        messageId,
        tenant.tenantId(),
        mailbox,
        m.stream(),
        to,
        cc,
        bcc,
        replyTo,
        m.subject(),
        m.content(),
        m.template(),
        m.headers() == null ? Map.of() : m.headers(),
        m.tags() == null ? Map.of() : m.tags(),
        m.campaignId(),
        key,
        m.notBefore(),
        m.expiresAt(),
        now);
  }

  /** The tenant's own spelling of the mailbox, which must be on one of its ready domains. */
  private String mailbox(String input, String p, Violations v) {
    if (input == null) {
      v.invalid(p + "mailbox", "is required");
      return null;
    }
    Optional<String> address = AddressSyntax.normalise(input);
    if (address.isEmpty()) {
      v.invalid(p + "mailbox", "is not a valid address like name@example.com");
      return null;
    }
    Optional<TenantState.Mailbox> own =
        tenant.mailboxes().stream()
            .filter(mb -> mb.address().equalsIgnoreCase(address.get()))
            .findFirst();
    if (own.isEmpty()) {
      v.unacceptable(p + "mailbox", "is not a mailbox of this tenant");
      return address.get();
    }
    String domain = address.get().substring(address.get().lastIndexOf('@') + 1);
    boolean ready =
        tenant.domains().stream().anyMatch(d -> d.name().equalsIgnoreCase(domain) && d.ready());
    if (!ready) {
      v.unacceptable(p + "mailbox", "is on domain " + domain + ", which is not ready to send");
    }
    return own.get().address();
  }

  private static List<String> addresses(List<String> input, String field, Violations v) {
    List<String> out = new ArrayList<>();
    if (input == null) {
      return out;
    }
    for (int i = 0; i < input.size(); i++) {
      Optional<String> address = AddressSyntax.normalise(input.get(i));
      if (address.isEmpty()) {
        v.invalid(field + "[" + i + "]", "is not a valid address like name@example.com");
      } else {
        out.add(address.get());
      }
    }
    return out;
  }

  private void body(MessageInput m, String p, Violations v) {
    if ((m.content() == null) == (m.template() == null)) {
      v.invalid(p + "content", "give exactly one of content and template");
    }
    if (m.content() != null && blank(m.content().text()) && blank(m.content().html())) {
      v.invalid(p + "content", "needs text, html or both");
    }
    if (m.template() != null && blank(m.template().name())) {
      v.invalid(p + "template.name", "is required");
    }
    if (m.content() != null && blank(m.subject())) {
      v.invalid(p + "subject", "is required with inline content");
    }
    if (m.subject() != null && m.subject().length() > MAX_SUBJECT) {
      v.invalid(p + "subject", "must be at most " + MAX_SUBJECT + " characters");
    }
    if (m.subject() != null && (m.subject().indexOf('\r') >= 0 || m.subject().indexOf('\n') >= 0)) {
      v.invalid(p + "subject", "must not contain line breaks");
    }
    if (contentBytes(m) > config.maxContentBytes()) {
      v.invalid(p + "content", "must be at most " + config.maxContentBytes() + " bytes in all");
    }
  }

  private void tags(MessageInput m, String p, Violations v) {
    if (m.tags() != null && m.tags().size() > config.maxTags()) {
      v.invalid(p + "tags", "must have at most " + config.maxTags() + " tags");
    }
    if (m.tags() != null) {
      m.tags()
          .forEach(
              (name, value) -> {
                if (name.isEmpty()
                    || name.length() > MAX_TAG
                    || value == null
                    || value.length() > MAX_TAG) {
                  v.invalid(
                      p + "tags." + name, "names and values are 1 to " + MAX_TAG + " characters");
                }
              });
    }
    if (m.campaignId() != null && (m.campaignId().isBlank() || m.campaignId().length() > MAX_TAG)) {
      v.invalid(p + "campaignId", "must be 1 to " + MAX_TAG + " characters");
    }
  }

  private void times(MessageInput m, String p, Violations v) {
    if (m.expiresAt() == null) {
      return;
    }
    if (!m.expiresAt().isAfter(now)) {
      v.unacceptable(p + "expiresAt", "must be in the future");
    } else if (m.notBefore() != null && !m.expiresAt().isAfter(m.notBefore())) {
      v.unacceptable(p + "expiresAt", "must be after notBefore");
    }
  }

  private static long contentBytes(MessageInput m) {
    long bytes = 0;
    if (m.content() != null) {
      bytes += utf8(m.content().text()) + utf8(m.content().html());
    }
    if (m.template() != null && m.template().data() != null) {
      for (Map.Entry<String, String> e : m.template().data().entrySet()) {
        bytes += utf8(e.getKey()) + utf8(e.getValue());
      }
    }
    return bytes;
  }

  private static long utf8(String s) {
    return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static int size(List<?> list) {
    return list == null ? 0 : list.size();
  }
}
