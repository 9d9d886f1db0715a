package io.isolane.warmup;

import java.util.ArrayList;
import java.util.List;

/**
 * A warm-up plan as data: a table of steps, each a warm-up day from which a daily cap applies.
 * Stage n is the n-th step (1-based); the last step is the target.
 *
 * @param name plan name, unique per tenant (presets are shared by every tenant)
 * @param kind the senders it is for
 * @param steps steps in order of {@code fromDay}, the first from day 1
 */
public record Plan(String name, SenderKind kind, List<Step> steps) {

  /**
   * From warm-up day {@code fromDay} on, the sender may send {@code dailyCap} a day.
   *
   * @param fromDay first warm-up day of the step, 1-based
   * @param dailyCap messages a day
   */
  public record Step(int fromDay, int dailyCap) {}

  public Plan {
    steps = List.copyOf(steps);
    if (steps.isEmpty() || steps.get(0).fromDay() != 1) {
      throw new IllegalArgumentException("a plan starts on day 1");
    }
  }

  /**
   * A plan that starts at {@code start} and multiplies by {@code growth} every {@code everyDays}
   * days until {@code target} (each step rounded, always at least one more than the last).
   */
  public static Plan growing(
      String name, SenderKind kind, int start, double growth, int everyDays, int target) {
    List<Step> steps = new ArrayList<>();
    int cap = Math.min(start, target);
    int day = 1;
    steps.add(new Step(day, cap));
    while (cap < target) {
      cap = Math.min(target, Math.max(cap + 1, (int) Math.round(cap * growth)));
      day += everyDays;
      steps.add(new Step(day, cap));
    }
    return new Plan(name, kind, steps);
  }

  /** The 1-based stage that covers warm-up day {@code day}. */
  public int stageOn(int day) {
    int stage = 1;
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).fromDay() <= day) {
        stage = i + 1;
      }
    }
    return stage;
  }

  /** The plan's cap on warm-up day {@code day}. */
  public int capOn(int day) {
    return steps.get(stageOn(day) - 1).dailyCap();
  }

  /** The first warm-up day of a 1-based stage. */
  public int firstDayOf(int stage) {
    return steps.get(stage - 1).fromDay();
  }

  /** Number of stages. */
  public int stages() {
    return steps.size();
  }

  /** The target: the last step's cap. */
  public int target() {
    return steps.get(steps.size() - 1).dailyCap();
  }

  /** The first day of the last stage whose cap is at most {@code cap} (day 1 if none is). */
  public int lastDayAtMost(int cap) {
    int day = 1;
    for (Step step : steps) {
      if (step.dailyCap() <= cap) {
        day = step.fromDay();
      }
    }
    return day;
  }
}
