package io.isolane.sending.rest;

import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.events.Stream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One message as a client posts it: {@code SendRequest} without what the platform decides (message
 * id, tenant id taken from the API key, idempotency key taken from the header, request time).
 *
 * @param mailbox From address: a mailbox of the tenant on a ready domain
 * @param stream transactional or marketing
 * @param to recipients; to, cc and bcc together at most 50
 * @param cc carbon-copy recipients
 * @param bcc blind carbon-copy recipients
 * @param replyTo Reply-To addresses (default: the mailbox's)
 * @param subject subject line (required with content; a template may provide it)
 * @param content inline text and/or html (exactly one of content and template)
 * @param template a stored template and its data
 * @param headers extra headers; From, To, Subject, List-Unsubscribe and other reserved ones are
 *     refused
 * @param tags tags echoed on every email event
 * @param campaignId campaign the message belongs to
 * @param notBefore do not send before this time
 * @param expiresAt give up after this time (after notBefore and in the future)
 */
@Schema(name = "Message", description = "One message to send")
public record MessageInput(
    @Schema(required = true, example = "ana@mail.example.com") String mailbox,
    @Schema(
            required = true,
            enumeration = {"transactional", "marketing"})
        Stream stream,
    @Schema(required = true) List<String> to,
    List<String> cc,
    List<String> bcc,
    List<String> replyTo,
    String subject,
    SendRequest.Content content,
    SendRequest.Template template,
    Map<String, String> headers,
    Map<String, String> tags,
    String campaignId,
    Instant notBefore,
    Instant expiresAt) {

  /**
   * A batch: {@code {"messages": [...]}}, 1 to 500 messages, accepted or refused as a whole.
   *
   * @param messages the messages
   */
  @Schema(name = "MessageBatch", description = "Up to 500 messages, accepted or refused together")
  public record Batch(@Schema(required = true) List<MessageInput> messages) {}
}
