package io.isolane.sending;

import java.util.List;
import java.util.Map;

/**
 * One SES SendEmail call, in domain terms.
 *
 * @param sesTenant SES tenant name (null for the shared tier)
 * @param configurationSet the stream's configuration set
 * @param from the From header, e.g. {@code "Ana <ana@mail.acme.com>"}
 * @param to recipients
 * @param cc carbon-copy recipients
 * @param bcc blind carbon-copy recipients
 * @param replyTo Reply-To addresses
 * @param subject subject (inline content)
 * @param text plain-text body (inline content)
 * @param html HTML body (inline content)
 * @param templateName stored template (instead of inline content), or null
 * @param templateData the template's data as JSON
 * @param headers extra headers
 * @param tags SES message tags (names and values already sanitised)
 */
public record OutgoingEmail(
    String sesTenant,
    String configurationSet,
    String from,
    List<String> to,
    List<String> cc,
    List<String> bcc,
    List<String> replyTo,
    String subject,
    String text,
    String html,
    String templateName,
    String templateData,
    Map<String, String> headers,
    Map<String, String> tags) {}
