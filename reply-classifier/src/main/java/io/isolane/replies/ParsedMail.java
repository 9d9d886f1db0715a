package io.isolane.replies;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A message reduced to what classification reads: decoded headers, the readable text, and the
 * machine-readable parts of delivery reports.
 *
 * @param headers decoded header values by lower-case name, in message order
 * @param mimeType the top-level MIME type, lower case
 * @param reportType the {@code report-type} parameter of a multipart/report (null otherwise)
 * @param text the readable body: text/plain parts, or HTML turned into text when there are none
 * @param deliveryStatus the message/delivery-status parts, as text (empty when none)
 * @param returnedHeaders headers of the original message a report returns (empty when none)
 * @param notes what went wrong while reading (bad charset, broken structure ...), for evidence
 */
public record ParsedMail(
    Map<String, List<String>> headers,
    String mimeType,
    String reportType,
    String text,
    String deliveryStatus,
    Map<String, List<String>> returnedHeaders,
    List<String> notes) {

  /** The first value of a header, or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The decoded subject, or null. */
  public String subject() {
    return header("subject");
  }
}
