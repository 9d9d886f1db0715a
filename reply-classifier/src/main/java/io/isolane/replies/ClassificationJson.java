package io.isolane.replies;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;

/**
 * The JSON form of a classification, shared by {@code POST /v1/classify} and the command line.
 * Bounce fields appear for bounces only; {@code is_bounce} always.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClassificationJson(
    String category,
    double confidence,
    String language,
    String subject,
    String from,
    @JsonProperty("new_text") String newText,
    @JsonProperty("return_date") String returnDate,
    String referral,
    @JsonProperty("is_bounce") boolean isBounce,
    Boolean hard,
    List<String> recipients,
    String status,
    String reason,
    String diagnostic,
    List<String> evidence) {

  /** The JSON form of a classification. */
  public static ClassificationJson of(Classification c) {
    Bounce bounce = c.bounce();
    return new ClassificationJson(
        c.category().name().toLowerCase(Locale.ROOT),
        c.confidence(),
        c.language(),
        c.subject(),
        c.from(),
        c.newText(),
        c.returnDate() == null ? null : c.returnDate().toString(),
        c.referral(),
        bounce != null,
        bounce == null ? null : bounce.hard(),
        bounce == null ? null : bounce.recipients(),
        bounce == null ? null : bounce.status(),
        bounce == null ? null : bounce.reason().code(),
        bounce == null ? null : bounce.diagnostic(),
        c.evidence());
  }
}
