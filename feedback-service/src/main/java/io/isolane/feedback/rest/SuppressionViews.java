package io.isolane.feedback.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.isolane.contracts.events.SuppressionReason;
import io.isolane.feedback.Suppression;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The JSON shapes of the suppression API. */
final class SuppressionViews {
  private SuppressionViews() {}

  /** One suppressed address. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Item(
      String address,
      String reason,
      String sourceEventId,
      Instant suppressedAt,
      Instant expiresAt) {
    static Item of(Suppression s) {
      return new Item(s.address, name(s.reason), s.sourceEventId, s.suppressedAt, s.expiresAt);
    }
  }

  /** A page of the list; {@code next} is the {@code after} of the next page (null: the last). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Page(List<Item> items, String next) {}

  /** The body of {@code POST /v1/suppressions}. */
  record NewSuppression(String address, String reason, Instant expiresAt) {}

  /** One CSV row's outcome. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record RowResult(int line, String address, String result, String error) {}

  /** An import's outcome, row by row. */
  record ImportResult(
      int rows, int suppressed, int alreadySuppressed, int invalid, List<RowResult> results) {}

  static String name(SuppressionReason reason) {
    return reason.name().toLowerCase(Locale.ROOT);
  }

  /** The reason named in the API's lower-case form, if it is one. */
  static Optional<SuppressionReason> reason(String name) {
    for (SuppressionReason r : SuppressionReason.values()) {
      if (name(r).equals(name)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  static String reasons() {
    return String.join(
        ", ",
        java.util.Arrays.stream(SuppressionReason.values()).map(SuppressionViews::name).toList());
  }
}
