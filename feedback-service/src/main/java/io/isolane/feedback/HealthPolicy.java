package io.isolane.feedback;

import io.isolane.contracts.events.SenderHealth.Status;
import java.util.Locale;

/**
 * Judges a sender's figures against thresholds: the worst of its hard-bounce and complaint rates.
 */
public final class HealthPolicy {
  private HealthPolicy() {}

  /**
   * A judgement and why.
   *
   * @param status healthy, warning or breach
   * @param reason the figures and threshold that decided it, in words
   */
  public record Verdict(Status status, String reason) {}

  public static Verdict judge(HealthFigures f, HealthThresholds t) {
    boolean bouncesCount = f.sends() >= t.minSends();
    boolean complaintsCount = f.sends() >= t.complaintMinSends();
    double hard = f.hardBounceRate();
    double complaints = f.complaintRate();
    if (complaintsCount && complaints >= t.complaintPause()) {
      return new Verdict(
          Status.BREACH, over("complaints", complaints, f, t.complaintPause(), "pause"));
    }
    if (bouncesCount && hard >= t.hardBouncePause()) {
      return new Verdict(
          Status.BREACH, over("hard bounces", hard, f, t.hardBouncePause(), "pause"));
    }
    if (complaintsCount && complaints >= t.complaintWarn()) {
      return new Verdict(
          Status.WARNING, over("complaints", complaints, f, t.complaintWarn(), "warning"));
    }
    if (bouncesCount && hard >= t.hardBounceWarn()) {
      return new Verdict(
          Status.WARNING, over("hard bounces", hard, f, t.hardBounceWarn(), "warning"));
    }
    if (!bouncesCount) {
      return new Verdict(
          Status.HEALTHY,
          f.sends() + " sends, fewer than the " + t.minSends() + " needed to judge");
    }
    return new Verdict(
        Status.HEALTHY,
        String.format(
            Locale.ROOT,
            "hard bounces %s and complaints %s of the last %d sends, under the warning thresholds",
            percent(hard),
            percent(complaints),
            f.sends()));
  }

  private static String over(
      String what, double rate, HealthFigures f, double threshold, String level) {
    return String.format(
        Locale.ROOT,
        "%s %s of the last %d sends, at or over the %s %s threshold",
        what,
        percent(rate),
        f.sends(),
        percent(threshold),
        level);
  }

  static String percent(double rate) {
    return String.format(Locale.ROOT, "%.3f", rate * 100).replaceAll("\\.?0+$", "") + "%";
  }
}
