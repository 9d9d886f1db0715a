package io.isolane.sessimulator.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A message the simulator accepted, as the read API shows it.
 *
 * @param messageId SES message id
 * @param sentAt when SendEmail accepted it
 * @param from From address
 * @param to To recipients
 * @param cc Cc recipients
 * @param bcc Bcc recipients
 * @param subject subject line
 * @param tenantName SES tenant, if any
 * @param configurationSetName configuration set, if any
 * @param tags email tags
 * @param mime the rendered RFC 5322 message
 */
public record SentMessage(
    String messageId,
    Instant sentAt,
    String from,
    List<String> to,
    List<String> cc,
    List<String> bcc,
    String subject,
    String tenantName,
    String configurationSetName,
    Map<String, String> tags,
    String mime) {

  /** Every recipient. */
  public List<String> recipients() {
    return java.util.stream.Stream.of(to, cc, bcc).flatMap(List::stream).toList();
  }
}
