package io.isolane.warmup;

import java.util.Locale;
import java.util.Optional;

/**
 * The gating rule on a sender's own figures of the day before: over at least {@code minSends}
 * sends, a hard-bounce or complaint rate above its limit, or negative replies (unsubscribe, not
 * interested) per send at or over theirs, holds the next day.
 */
final class OwnFigures {
  private final Ramp.Rules rules;

  OwnFigures(Ramp.Rules rules) {
    this.rules = rules;
  }

  /** Why the day holds the next one, if it does. */
  Optional<String> holdReason(Ramp.Day day) {
    if (day.sent() < rules.minSends()) {
      return Optional.empty();
    }
    double bounces = (double) day.hardBounces() / day.sent();
    double complaints = (double) day.complaints() / day.sent();
    double negative = (double) day.negativeReplies() / day.sent();
    if (bounces > rules.holdHardBounceRate()) {
      return Optional.of(rate("hard bounces", day.hardBounces(), day.sent(), bounces));
    }
    if (complaints > rules.holdComplaintRate()) {
      return Optional.of(rate("complaints", day.complaints(), day.sent(), complaints));
    }
    if (day.negativeReplies() > 0 && negative >= rules.holdNegativeReplyRate()) {
      String what = "negative replies (unsubscribe, not interested)";
      return Optional.of(
          rate(what, day.negativeReplies(), day.sent(), negative)
              + String.format(
                  Locale.ROOT, ", at or over %.1f%%", rules.holdNegativeReplyRate() * 100));
    }
    return Optional.empty();
  }

  private static String rate(String what, long count, long sent, double rate) {
    return String.format(
        Locale.ROOT, "yesterday %d %s in %d sends (%.1f%%)", count, what, sent, rate * 100);
  }
}
