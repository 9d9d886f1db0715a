package io.isolane.feedback;

/**
 * When a sender's rates warn and when they pause it (rates 0..1), and the volume below which no
 * rate is trusted (one bounce in three sends pauses nobody).
 *
 * @param hardBounceWarn hard-bounce rate that warns
 * @param hardBouncePause hard-bounce rate that pauses
 * @param complaintWarn complaint rate that warns
 * @param complaintPause complaint rate that pauses
 * @param minSends sends needed before the hard-bounce rate counts
 * @param complaintMinSends sends needed before the complaint rate counts
 */
public record HealthThresholds(
    double hardBounceWarn,
    double hardBouncePause,
    double complaintWarn,
    double complaintPause,
    int minSends,
    int complaintMinSends) {

  /** Why these thresholds cannot be used, if they cannot. */
  public java.util.Optional<String> problem() {
    if (!(0 < hardBounceWarn && hardBounceWarn <= hardBouncePause && hardBouncePause <= 1)) {
      return java.util.Optional.of("need 0 < hardBounceWarn <= hardBouncePause <= 1");
    }
    if (!(0 < complaintWarn && complaintWarn <= complaintPause && complaintPause <= 1)) {
      return java.util.Optional.of("need 0 < complaintWarn <= complaintPause <= 1");
    }
    if (minSends < 1 || complaintMinSends < 1) {
      return java.util.Optional.of("need minSends and complaintMinSends of at least 1");
    }
    return java.util.Optional.empty();
  }
}
