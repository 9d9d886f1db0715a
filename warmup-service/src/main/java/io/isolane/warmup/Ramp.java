package io.isolane.warmup;

import io.isolane.contracts.events.SenderHealth;
import java.util.Locale;
import java.util.Optional;

/**
 * The gating rules: given where a sender stands and what is known about its health, the next day's
 * decision. Pure, so every rule is tested without infrastructure.
 */
public final class Ramp {
  private final Rules rules;
  private final OwnFigures ownFigures;

  public Ramp(Rules rules) {
    this.rules = rules;
    this.ownFigures = new OwnFigures(rules);
  }

  /**
   * Tunables of the rules.
   *
   * @param maxDailyGrowth a cap is never more than this factor above the day before
   * @param idleDays a sender that sent nothing for this many days re-enters at a lower step
   * @param minSends own rates count only over at least this many sends of a day
   * @param holdHardBounceRate a day with a higher hard-bounce rate holds the next
   * @param holdComplaintRate a day with a higher complaint rate holds the next
   * @param holdNegativeReplyRate a day whose negative replies per send are at or over it holds the
   *     next
   */
  public record Rules(
      double maxDailyGrowth,
      int idleDays,
      int minSends,
      double holdHardBounceRate,
      double holdComplaintRate,
      double holdNegativeReplyRate) {}

  /** The worst health that applies to a sender, with the reason feedback-service gave. */
  public record Health(SenderHealth.Status status, String reason) {
    public static final Health HEALTHY = new Health(SenderHealth.Status.HEALTHY, "healthy");
  }

  /**
   * A day's figures of the sender: sends, hard bounces and complaints (email.events), human replies
   * and, of those, negative ones (unsubscribe, not interested; reply.classified).
   */
  public record Day(
      long sent, long hardBounces, long complaints, long replies, long negativeReplies) {
    public static final Day NONE = new Day(0, 0, 0, 0, 0);

    /** A day without replies. */
    public Day(long sent, long hardBounces, long complaints) {
      this(sent, hardBounces, complaints, 0, 0);
    }
  }

  /**
   * Where the sender stands before the decision.
   *
   * @param plan its plan
   * @param planDay its warm-up day in the plan
   * @param lastCap the cap published last
   * @param paused paused by the tenant
   * @param cutBack already cut back for the current breach
   * @param health worst health that applies
   * @param yesterday yesterday's own figures
   * @param idleDays days since it last sent (or since it was enrolled, resumed or re-entered)
   */
  public record Standing(
      Plan plan,
      int planDay,
      int lastCap,
      boolean paused,
      boolean cutBack,
      Health health,
      Day yesterday,
      long idleDays) {}

  /** The decision for a new day. */
  public Decision nextDay(Standing s) {
    if (s.paused()) {
      return hold(s, Decision.Kind.HELD, Phase.PAUSED, "held: warm-up paused by the tenant");
    }
    switch (s.health().status()) {
      case BREACH:
        return s.cutBack()
            ? hold(s, Decision.Kind.HELD, Phase.CUT, "held until healthy: " + s.health().reason())
            : cut(s, Decision.Kind.CUT, true, "cut back: " + s.health().reason());
      case WARNING:
        return hold(s, Decision.Kind.HELD, Phase.HOLDING, "held: " + s.health().reason());
      default:
        break;
    }
    Optional<String> own = ownFigures.holdReason(s.yesterday());
    if (own.isPresent()) {
      return hold(s, Decision.Kind.HELD, Phase.HOLDING, "held: " + own.get());
    }
    if (s.idleDays() >= rules.idleDays() && s.lastCap() > s.plan().steps().get(0).dailyCap()) {
      return cut(
          s, Decision.Kind.REENTERED, false, "re-entered: no sends for " + s.idleDays() + " days");
    }
    return advance(s);
  }

  /** The decision when a breach arrives mid-day: cut back at once, unless already cut. */
  public Optional<Decision> onBreach(Standing s) {
    return s.cutBack()
        ? Optional.empty()
        : Optional.of(cut(s, Decision.Kind.CUT, true, "cut back: " + s.health().reason()));
  }

  /**
   * A new plan or place in it (assigned or imported through the API): the plan's cap there, still
   * within the day-over-day factor unless the sender is imported as already warmed.
   */
  public Decision moved(Standing s, Decision.Kind kind, boolean limit, String reason) {
    int planCap = s.plan().capOn(s.planDay());
    int cap = limit ? limited(planCap, s.lastCap()) : planCap;
    return decision(kind, s, s.planDay(), cap, s.cutBack(), reason + suffix(planCap, cap, s));
  }

  private Decision advance(Standing s) {
    int day = s.planDay() + 1;
    int planCap = s.plan().capOn(day);
    int cap = limited(planCap, s.lastCap());
    int stage = s.plan().stageOn(day);
    String reason =
        stage == s.plan().stageOn(s.planDay())
            ? "advanced: day " + day + " of the plan, stage " + stage
            : "advanced: stage " + stage + " from day " + day;
    return decision(Decision.Kind.ADVANCED, s, day, cap, false, reason + suffix(planCap, cap, s));
  }

  private Decision hold(Standing s, Decision.Kind kind, Phase phase, String reason) {
    int cap = Math.min(s.plan().capOn(s.planDay()), s.lastCap());
    int stage = s.plan().stageOn(s.planDay());
    return new Decision(kind, s.planDay(), stage, cap, phase, s.cutBack(), reason);
  }

  /** Halves the cap and goes back to the last stage at or under it (stage 1 at the least). */
  private Decision cut(Standing s, Decision.Kind kind, boolean cutBack, String reason) {
    int half = Math.max(1, s.lastCap() / 2);
    int day = s.plan().lastDayAtMost(half);
    int cap = Math.min(s.plan().capOn(day), half);
    Phase phase = cutBack ? Phase.CUT : Phase.RAMPING;
    String full = reason + " (" + s.lastCap() + " -> " + cap + ")";
    return new Decision(kind, day, s.plan().stageOn(day), cap, phase, cutBack, full);
  }

  private Decision decision(
      Decision.Kind kind, Standing s, int day, int cap, boolean cutBack, String reason) {
    boolean atTarget = cap >= s.plan().target() && s.plan().stageOn(day) == s.plan().stages();
    Phase phase = atTarget ? Phase.WARMED : Phase.RAMPING;
    return new Decision(kind, day, s.plan().stageOn(day), cap, phase, cutBack, reason);
  }

  private int limited(int planCap, int lastCap) {
    int ceiling = Math.max(1, (int) Math.floor(lastCap * rules.maxDailyGrowth()));
    return Math.min(planCap, ceiling);
  }

  private String suffix(int planCap, int cap, Standing s) {
    return cap < planCap
        ? String.format(
            Locale.ROOT,
            "; limited to %.1fx the last cap %d (plan says %d)",
            rules.maxDailyGrowth(),
            s.lastCap(),
            planCap)
        : "";
  }
}
