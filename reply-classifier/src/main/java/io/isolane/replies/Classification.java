package io.isolane.replies;

import io.isolane.contracts.events.ReplyCategory;
import java.time.LocalDate;
import java.util.List;

/**
 * What a reply means, how sure the classifier is, and why.
 *
 * @param category the category
 * @param confidence 0..1
 * @param subject the decoded subject (null when absent)
 * @param from the author's address from the From header, lower case (null when absent)
 * @param language ISO 639-1 code of the new text (null when unknown)
 * @param newText the reply's own words: quoted history and signature removed
 * @param returnDate for out-of-office replies, the stated return date (null when not stated)
 * @param referral for referrals, the address the reply points to (null otherwise)
 * @param bounce for bounces, what the delivery report says (null otherwise)
 * @param evidence the headers, structures and phrases that decided it
 * @param references message ids the reply refers to (In-Reply-To first, then References, then a
 *     returned message's own id), without angle brackets
 */
public record Classification(
    ReplyCategory category,
    double confidence,
    String subject,
    String from,
    String language,
    String newText,
    LocalDate returnDate,
    String referral,
    Bounce bounce,
    List<String> evidence,
    List<String> references) {
  public Classification {
    evidence = List.copyOf(evidence);
    references = List.copyOf(references);
  }
}
