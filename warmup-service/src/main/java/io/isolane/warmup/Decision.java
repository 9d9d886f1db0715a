package io.isolane.warmup;

/**
 * What warm-up decided for a sender: its place in the plan, its cap and why.
 *
 * @param kind what kind of change it is
 * @param planDay warm-up day in the plan after the decision
 * @param stage the plan's stage on that day
 * @param dailyCap the cap that applies
 * @param phase where the ramp stands
 * @param cutBack whether the sender has been cut back for a breach not yet healed
 * @param reason why, in words (published as the limits' reason and kept in the history)
 */
public record Decision(
    Kind kind, int planDay, int stage, int dailyCap, Phase phase, boolean cutBack, String reason) {

  /** Kinds of decisions, as recorded in the history. */
  public enum Kind {
    ENROLLED,
    IMPORTED,
    REASSIGNED,
    ADVANCED,
    HELD,
    CUT,
    REENTERED,
    PAUSED,
    RESUMED
  }
}
