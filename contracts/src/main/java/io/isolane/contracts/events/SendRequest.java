package io.isolane.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A command to send one message ({@code send.requests}, key = tenant id).
 *
 * @param messageId platform message id, unique per tenant
 * @param tenantId owning tenant
 * @param mailbox From address: a mailbox of the tenant on a ready domain
 * @param stream transactional or marketing
 * @param to recipients (to, cc and bcc together at most 50)
 * @param cc carbon-copy recipients, may be empty
 * @param bcc blind carbon-copy recipients, may be empty
 * @param replyTo Reply-To addresses, may be empty
 * @param subject subject line (null when a template provides it)
 * @param content inline content (null when a template is used)
 * @param template a stored template and its data (null when content is inline)
 * @param headers extra message headers
 * @param tags message tags, echoed on every email event
 * @param campaignId optional campaign the message belongs to
 * @param idempotencyKey the client's Idempotency-Key, if any
 * @param notBefore do not send before this time (null: now)
 * @param expiresAt give up (failed, reason expired) after this time (null: never)
 * @param requestedAt when the platform accepted the request
 */
public record SendRequest(
    String messageId,
    String tenantId,
    String mailbox,
    Stream stream,
    List<String> to,
    List<String> cc,
    List<String> bcc,
    List<String> replyTo,
    String subject,
    Content content,
    Template template,
    Map<String, String> headers,
    Map<String, String> tags,
    String campaignId,
    String idempotencyKey,
    Instant notBefore,
    Instant expiresAt,
    Instant requestedAt)
    implements TenantEvent {

  /** Absent recipient lists read as empty, so no consumer trips over a null. */
  public SendRequest {
    to = to == null ? List.of() : to;
    cc = cc == null ? List.of() : cc;
    bcc = bcc == null ? List.of() : bcc;
    replyTo = replyTo == null ? List.of() : replyTo;
  }

  /** The same request from another mailbox of the tenant. */
  public SendRequest withMailbox(String newMailbox) {
    return new SendRequest(
        messageId,
        tenantId,
        newMailbox,
        stream,
        to,
        cc,
        bcc,
        replyTo,
        subject,
        content,
        template,
        headers,
        tags,
        campaignId,
        idempotencyKey,
        notBefore,
        expiresAt,
        requestedAt);
  }

  /** The same request to fewer (or other) recipients. */
  public SendRequest withRecipients(List<String> newTo, List<String> newCc, List<String> newBcc) {
    return new SendRequest(
        messageId,
        tenantId,
        mailbox,
        stream,
        newTo,
        newCc,
        newBcc,
        replyTo,
        subject,
        content,
        template,
        headers,
        tags,
        campaignId,
        idempotencyKey,
        notBefore,
        expiresAt,
        requestedAt);
  }

  /** The same request, made at another time. */
  public SendRequest withRequestedAt(Instant newRequestedAt) {
    return new SendRequest(
        messageId,
        tenantId,
        mailbox,
        stream,
        to,
        cc,
        bcc,
        replyTo,
        subject,
        content,
        template,
        headers,
        tags,
        campaignId,
        idempotencyKey,
        notBefore,
        expiresAt,
        newRequestedAt);
  }

  /** Inline content; at least one of text or html. */
  public record Content(String text, String html) {}

  /** A stored template and the data to render it with. */
  public record Template(String name, Map<String, String> data) {}
}
