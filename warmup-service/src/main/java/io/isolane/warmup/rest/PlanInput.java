package io.isolane.warmup.rest;

import io.isolane.servicekit.rest.Violations;
import io.isolane.warmup.Plan;
import io.isolane.warmup.Presets;
import io.isolane.warmup.SenderKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A custom plan as posted: either a table of {@code steps}, or {@code start}, {@code growthFactor},
 * {@code everyDays} (default 7) and {@code target}.
 */
public record PlanInput(
    String name,
    String kind,
    List<StepInput> steps,
    Integer start,
    Double growthFactor,
    Integer everyDays,
    Integer target) {
  static final int MAX_CAP = 1_000_000;
  static final int MAX_STEPS = 200;
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,38}[a-z0-9]");

  /** One row of a table plan. */
  public record StepInput(Integer fromDay, Integer dailyCap) {}

  /** The plan, or a 400 naming every invalid field. */
  Plan toPlan() {
    Violations v = new Violations();
    if (name == null || !NAME.matcher(name).matches()) {
      v.invalid(
          "name", "3-40 lower-case letters, digits and hyphens, not starting or ending with -");
    } else if (Presets.named(name).isPresent()) {
      v.invalid("name", "is the name of a preset");
    }
    SenderKind k = null;
    if (kind == null || !(kind.equals("mailbox") || kind.equals("domain"))) {
      v.invalid("kind", "must be mailbox or domain");
    } else {
      k = SenderKind.valueOf(kind.toUpperCase());
    }
    boolean table = steps != null;
    boolean growth = start != null || growthFactor != null || target != null || everyDays != null;
    if (table == growth) {
      v.invalid("steps", "give either steps, or start, growthFactor and target");
      v.throwIfAny();
    }
    List<Plan.Step> rows = table ? tableSteps(v) : growthSteps(v);
    v.throwIfAny();
    return new Plan(name, k, rows);
  }

  private List<Plan.Step> tableSteps(Violations v) {
    List<Plan.Step> rows = new ArrayList<>();
    if (steps.isEmpty() || steps.size() > MAX_STEPS) {
      v.invalid("steps", "must have 1 to " + MAX_STEPS + " steps");
      return rows;
    }
    int lastDay = 0;
    int lastCap = 0;
    for (int i = 0; i < steps.size(); i++) {
      StepInput s = steps.get(i);
      String at = "steps[" + i + "]";
      if (s == null || s.fromDay() == null || s.dailyCap() == null) {
        v.invalid(at, "needs fromDay and dailyCap");
        continue;
      }
      if (i == 0 && s.fromDay() != 1) {
        v.invalid(at + ".fromDay", "the first step starts on day 1");
      } else if (s.fromDay() <= lastDay) {
        v.invalid(at + ".fromDay", "must be after the previous step's day " + lastDay);
      }
      if (s.dailyCap() < 1 || s.dailyCap() > MAX_CAP) {
        v.invalid(at + ".dailyCap", "must be between 1 and " + MAX_CAP);
      } else if (s.dailyCap() < lastCap) {
        v.invalid(at + ".dailyCap", "must not be below the previous step's " + lastCap);
      }
      lastDay = s.fromDay();
      lastCap = s.dailyCap() == null ? lastCap : s.dailyCap();
      rows.add(new Plan.Step(s.fromDay(), s.dailyCap()));
    }
    return rows;
  }

  private List<Plan.Step> growthSteps(Violations v) {
    int every = everyDays == null ? 7 : everyDays;
    if (start == null || start < 1 || start > MAX_CAP) {
      v.invalid("start", "must be between 1 and " + MAX_CAP);
    }
    if (growthFactor == null || growthFactor <= 1.0 || growthFactor > 3.0) {
      v.invalid("growthFactor", "must be above 1.0 and at most 3.0");
    }
    if (every < 1 || every > 60) {
      v.invalid("everyDays", "must be between 1 and 60");
    }
    if (target == null || target > MAX_CAP || (start != null && target < start)) {
      v.invalid("target", "must be at least start and at most " + MAX_CAP);
    }
    v.throwIfAny();
    List<Plan.Step> rows =
        Plan.growing(name, SenderKind.MAILBOX, start, growthFactor, every, target).steps();
    if (rows.size() > MAX_STEPS) {
      v.invalid("growthFactor", "reaches the target in more than " + MAX_STEPS + " steps");
    }
    return rows;
  }
}
