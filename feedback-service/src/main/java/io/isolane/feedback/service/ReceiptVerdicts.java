package io.isolane.feedback.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * SES's spam and virus verdicts of a receipt ({@code receipt.spamVerdict.status}, {@code
 * receipt.virusVerdict.status}): PASS, FAIL, GRAY, PROCESSING_FAILED or DISABLED, upper case; null
 * when the receipt has none.
 *
 * @param spam the spam verdict
 * @param virus the virus verdict
 */
public record ReceiptVerdicts(String spam, String virus) {
  static final String FAIL = "FAIL";

  public static ReceiptVerdicts of(JsonNode receipt) {
    return new ReceiptVerdicts(
        status(receipt.path("spamVerdict")), status(receipt.path("virusVerdict")));
  }

  /** Only a FAIL is a virus found: GRAY and PROCESSING_FAILED are forwarded with the verdict. */
  public boolean virusFound() {
    return FAIL.equals(virus);
  }

  private static String status(JsonNode verdict) {
    JsonNode status = verdict.path("status");
    return status.isTextual() && !status.asText().isBlank()
        ? status.asText().trim().toUpperCase(Locale.ROOT)
        : null;
  }
}
