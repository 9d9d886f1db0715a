package io.isolane.sessimulator.sending;

import com.fasterxml.jackson.databind.JsonNode;
import io.isolane.sessimulator.web.Json;
import io.isolane.sessimulator.web.SesException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One message as SendEmail describes it.
 *
 * @param from From address (bare address, display name removed)
 * @param fromHeader the From as given
 * @param to To recipients
 * @param cc Cc recipients
 * @param bcc Bcc recipients
 * @param replyTo Reply-To addresses
 * @param subject subject (null for raw messages without one)
 * @param text text body
 * @param html HTML body
 * @param raw raw message bytes (Raw content only)
 * @param tags email tags
 * @param configurationSetName configuration set, or null
 * @param tenantName SES tenant, or null
 * @param templateName template used, or null
 * @param renderingError why the template could not be rendered (SES reports it as a Rendering
 *     Failure event after accepting the message), or null
 * @param headers custom headers of Simple or Template content, in order
 */
public record OutgoingEmail(
    String from,
    String fromHeader,
    List<String> to,
    List<String> cc,
    List<String> bcc,
    List<String> replyTo,
    String subject,
    String text,
    String html,
    byte[] raw,
    Map<String, String> tags,
    String configurationSetName,
    String tenantName,
    String templateName,
    String renderingError,
    Map<String, String> headers) {

  /** Largest message SES v2 accepts, after base64 decoding. */
  public static final int MAX_BYTES = 40 * 1024 * 1024;

  /** The EICAR test string: SES's virus scan rejects mail containing it. */
  private static final String EICAR = "EICAR-STANDARD-ANTIVIRUS-TEST-FILE";

  /** Whether the virus scan would flag this message. */
  public boolean carriesVirus() {
    String body =
        raw != null ? new String(raw, StandardCharsets.UTF_8) : (text == null ? "" : text) + html;
    return body.contains(EICAR);
  }

  /** Every recipient, in To, Cc, Bcc order. */
  public List<String> recipients() {
    return Stream.of(to, cc, bcc).flatMap(List::stream).toList();
  }

  /** Parses a SendEmail request body. */
  public static OutgoingEmail parse(JsonNode body, Function<String, JsonNode> templates) {
    JsonNode content = body.path("Content");
    JsonNode destination = body.path("Destination");
    byte[] raw = raw(content.path("Raw"));
    String fromHeader = Json.optional(body, "FromEmailAddress");
    if (fromHeader == null && raw != null) {
      fromHeader = RawHeaders.of(raw).get("from");
    }
    if (fromHeader == null) {
      throw SesException.badRequest("FromEmailAddress is required.");
    }
    List<String> to = Json.strings(destination, "ToAddresses");
    if (raw != null && destination.isMissingNode()) {
      to = RawHeaders.addresses(RawHeaders.of(raw), "to", "cc");
    }
    Rendered rendered = Rendered.of(content, templates);
    return new OutgoingEmail(
        Addresses.bare(fromHeader),
        fromHeader,
        to,
        Json.strings(destination, "CcAddresses"),
        Json.strings(destination, "BccAddresses"),
        Json.strings(body, "ReplyToAddresses"),
        raw != null ? RawHeaders.of(raw).get("subject") : rendered.subject(),
        rendered.text(),
        rendered.html(),
        raw,
        messageTags(body.path("EmailTags")),
        Json.optional(body, "ConfigurationSetName"),
        Json.optional(body, "TenantName"),
        rendered.templateName(),
        rendered.renderingError(),
        customHeaders(content));
  }

  /** The Headers of Simple or Template content (SES adds them to the message as given). */
  static Map<String, String> customHeaders(JsonNode content) {
    JsonNode headers = content.path("Simple").path("Headers");
    if (headers.isMissingNode()) {
      headers = content.path("Template").path("Headers");
    }
    Map<String, String> out = new LinkedHashMap<>();
    headers.forEach(h -> out.put(h.path("Name").asText(), h.path("Value").asText()));
    return out;
  }

  static Map<String, String> messageTags(JsonNode tags) {
    Map<String, String> out = new LinkedHashMap<>();
    tags.forEach(t -> out.put(t.path("Name").asText(), t.path("Value").asText()));
    return out;
  }

  private static byte[] raw(JsonNode raw) {
    if (raw.isMissingNode()) {
      return null;
    }
    try {
      return Base64.getMimeDecoder()
          .decode(raw.path("Data").asText().getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw SesException.badRequest("Raw.Data is not valid base64.");
    }
  }
}
