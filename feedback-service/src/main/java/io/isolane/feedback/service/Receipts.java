package io.isolane.feedback.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.InboundReply;
import io.isolane.feedback.HealthSubject;
import io.isolane.feedback.config.FeedbackConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * SES receipt notifications (inbound mail with an SNS action) as {@code inbound.replies}: one per
 * tenant owning a recipient's domain, with the raw MIME and SES's spam and virus verdicts, for
 * reply-classifier. Mail SES found a virus in is refused instead: it must not reach a consumer that
 * parses it.
 */
@ApplicationScoped
public class Receipts {
  private final TenantDirectory directory;
  private final FeedbackConfig config;

  public Receipts(TenantDirectory directory, FeedbackConfig config) {
    this.directory = directory;
    this.config = config;
  }

  /**
   * The inbound replies a Received notification calls for.
   *
   * @throws RejectedSnsMessage (as the failure) when it has no content or no tenant owns any
   *     recipient's domain; {@link InfectedMail} when SES's virus verdict is FAIL
   */
  public Uni<List<ContractEvent<InboundReply>>> of(JsonNode notification) {
    JsonNode content = notification.path("content");
    if (!content.isTextual()) {
      return Uni.createFrom()
          .failure(new RejectedSnsMessage("receipt without content (only SNS actions carry it)"));
    }
    List<String> recipients = new ArrayList<>();
    notification.path("receipt").path("recipients").forEach(r -> recipients.add(r.asText()));
    // checked before the owners are looked up: spam is still forwarded (a reply marked spam may be
    // an
    // unsubscribe), a virus never is, whoever owns the recipients
    if (ReceiptVerdicts.of(notification.path("receipt")).virusFound()) {
      JsonNode mail = notification.path("mail");
      return Uni.createFrom()
          .failure(
              new InfectedMail(
                  "virus verdict FAIL: not forwarded (SES message "
                      + mail.path("messageId").asText("")
                      + " from "
                      + mail.path("source").asText("")
                      + " to "
                      + recipients
                      + ")"));
    }
    return Multi.createFrom()
        .iterable(recipients)
        .onItem()
        .transformToUniAndConcatenate(
            r -> directory.ownerOf(HealthSubject.domainOf(r)).map(owner -> Map.entry(r, owner)))
        .collect()
        .asList()
        .map(owners -> replies(notification, content.asText(), owners));
  }

  private List<ContractEvent<InboundReply>> replies(
      JsonNode n, String content, List<Map.Entry<String, Optional<String>>> owners) {
    Map<String, String> firstRecipientByTenant = new LinkedHashMap<>();
    owners.forEach(
        e -> e.getValue().ifPresent(t -> firstRecipientByTenant.putIfAbsent(t, e.getKey())));
    if (firstRecipientByTenant.isEmpty()) {
      throw new RejectedSnsMessage(
          "no tenant owns the domain of any recipient of inbound mail: "
              + owners.stream().map(Map.Entry::getKey).toList());
    }
    JsonNode mail = n.path("mail");
    String sesMessageId = mail.path("messageId").asText("");
    String raw = rawMime(content, n.path("receipt").path("action").path("encoding").asText(""));
    ReceiptVerdicts verdicts = ReceiptVerdicts.of(n.path("receipt"));
    List<ContractEvent<InboundReply>> out = new ArrayList<>();
    firstRecipientByTenant.forEach(
        (tenant, recipient) -> {
          String key = tenant + "/" + sesMessageId;
          String id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
          InboundReply reply =
              new InboundReply(
                  id,
                  tenant,
                  recipient.toLowerCase(Locale.ROOT),
                  bare(mail.path("source").asText(null)),
                  sesMessageId,
                  receivedAt(mail.path("timestamp").asText(null)),
                  raw,
                  verdicts.spam(),
                  verdicts.virus());
          out.add(ContractEvent.withId(id, EventTypes.INBOUND_REPLY, config.eventSource(), reply));
        });
    return out;
  }

  // SES sends the content base64 when the action's encoding is BASE64, else as UTF-8 text
  private static String rawMime(String content, String encoding) {
    return "BASE64".equalsIgnoreCase(encoding)
        ? content
        : Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8));
  }

  /** The address alone: SES gives the envelope sender bare, a header may add a display name. */
  private static String bare(String source) {
    if (source == null) {
      return null;
    }
    int open = source.lastIndexOf('<');
    int close = source.lastIndexOf('>');
    return open >= 0 && close > open ? source.substring(open + 1, close).trim() : source.trim();
  }

  private static Instant receivedAt(String timestamp) {
    try {
      return timestamp == null ? Instant.now() : Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      return Instant.now();
    }
  }
}
