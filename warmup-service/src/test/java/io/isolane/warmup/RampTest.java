package io.isolane.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.contracts.events.SenderHealth;
import org.junit.jupiter.api.Test;

class RampTest {
  private final Ramp ramp = new Ramp(new Ramp.Rules(2.0, 14, 20, 0.05, 0.003, 0.02));
  private final Plan plan = Presets.COLD_OUTREACH;

  private Ramp.Standing at(int day, int cap, Ramp.Health health) {
    return new Ramp.Standing(plan, day, cap, false, false, health, Ramp.Day.NONE, 1);
  }

  @Test
  void healthyAdvancesADay() {
    Decision d = ramp.nextDay(at(7, 20, Ramp.Health.HEALTHY));
    assertThat(d.kind()).isEqualTo(Decision.Kind.ADVANCED);
    assertThat(d.planDay()).isEqualTo(8);
    assertThat(d.dailyCap()).isEqualTo(25);
    assertThat(d.stage()).isEqualTo(2);
    assertThat(d.reason()).isEqualTo("advanced: stage 2 from day 8");
  }

  @Test
  void warningHoldsAndBreachCutsOnceThenHolds() {
    Ramp.Health warning = new Ramp.Health(SenderHealth.Status.WARNING, "bounces 3%");
    Decision held = ramp.nextDay(at(10, 25, warning));
    assertThat(held.kind()).isEqualTo(Decision.Kind.HELD);
    assertThat(held.planDay()).isEqualTo(10);
    assertThat(held.dailyCap()).isEqualTo(25);
    assertThat(held.phase()).isEqualTo(Phase.HOLDING);

    Ramp.Health breach = new Ramp.Health(SenderHealth.Status.BREACH, "bounces 6%");
    Decision cut = ramp.nextDay(at(30, 43, breach));
    assertThat(cut.kind()).isEqualTo(Decision.Kind.CUT);
    // half of 43 is 21: back to the last stage at or under it, stage 1's 20
    assertThat(cut.dailyCap()).isEqualTo(20);
    assertThat(cut.planDay()).isEqualTo(1);
    assertThat(cut.reason()).isEqualTo("cut back: bounces 6% (43 -> 20)");
    assertThat(cut.cutBack()).isTrue();
    Ramp.Standing afterCut = new Ramp.Standing(plan, 1, 20, false, true, breach, Ramp.Day.NONE, 1);
    assertThat(ramp.onBreach(afterCut)).isEmpty();
    Decision stillHeld = ramp.nextDay(afterCut);
    assertThat(stillHeld.kind()).isEqualTo(Decision.Kind.HELD);
    assertThat(stillHeld.dailyCap()).isEqualTo(20);
  }

  @Test
  void ownFiguresHoldOnlyOverEnoughSends() {
    Ramp.Standing bad =
        new Ramp.Standing(
            plan, 3, 20, false, false, Ramp.Health.HEALTHY, new Ramp.Day(40, 0, 1), 1);
    assertThat(ramp.nextDay(bad).reason())
        .isEqualTo("held: yesterday 1 complaints in 40 sends (2.5%)");
    Ramp.Standing few =
        new Ramp.Standing(
            plan, 3, 20, false, false, Ramp.Health.HEALTHY, new Ramp.Day(10, 5, 1), 1);
    assertThat(ramp.nextDay(few).kind()).isEqualTo(Decision.Kind.ADVANCED);
  }

  @Test
  void negativeRepliesAtOrOverTheRateHoldOnlyOverEnoughSends() {
    Ramp.Standing atRate =
        new Ramp.Standing(
            plan, 3, 20, false, false, Ramp.Health.HEALTHY, new Ramp.Day(50, 0, 0, 4, 1), 1);
    assertThat(ramp.nextDay(atRate).kind()).isEqualTo(Decision.Kind.HELD); // 1 in 50 = 2.0%
    Ramp.Standing under =
        new Ramp.Standing(
            plan, 3, 20, false, false, Ramp.Health.HEALTHY, new Ramp.Day(60, 0, 0, 4, 1), 1);
    assertThat(ramp.nextDay(under).kind()).isEqualTo(Decision.Kind.ADVANCED); // 1.7%
    Ramp.Standing over =
        new Ramp.Standing(
            plan, 3, 20, false, false, Ramp.Health.HEALTHY, new Ramp.Day(50, 0, 0, 3, 3), 1);
    Decision held = ramp.nextDay(over);
    assertThat(held.kind()).isEqualTo(Decision.Kind.HELD);
    assertThat(held.dailyCap()).isEqualTo(20);
    assertThat(held.reason())
        .isEqualTo(
            "held: yesterday 3 negative replies (unsubscribe, not interested) in 50 sends (6.0%),"
                + " at or over 2.0%");
    Ramp.Standing few =
        new Ramp.Standing(
            plan, 3, 20, false, false, Ramp.Health.HEALTHY, new Ramp.Day(10, 0, 0, 3, 3), 1);
    assertThat(ramp.nextDay(few).kind()).isEqualTo(Decision.Kind.ADVANCED);
    Ramp.Standing positive =
        new Ramp.Standing(
            plan, 3, 20, false, false, Ramp.Health.HEALTHY, new Ramp.Day(50, 0, 0, 3, 0), 1);
    assertThat(ramp.nextDay(positive).kind()).isEqualTo(Decision.Kind.ADVANCED);
  }

  @Test
  void idleSenderReEntersLowerAndPausedSenderHolds() {
    Ramp.Standing idle =
        new Ramp.Standing(plan, 40, 50, false, false, Ramp.Health.HEALTHY, Ramp.Day.NONE, 20);
    Decision d = ramp.nextDay(idle);
    assertThat(d.kind()).isEqualTo(Decision.Kind.REENTERED);
    assertThat(d.dailyCap()).isEqualTo(25);
    assertThat(d.reason()).startsWith("re-entered: no sends for 20 days");
    Ramp.Standing paused =
        new Ramp.Standing(plan, 40, 50, true, false, Ramp.Health.HEALTHY, Ramp.Day.NONE, 20);
    assertThat(ramp.nextDay(paused).phase()).isEqualTo(Phase.PAUSED);
  }

  @Test
  void raisedPlanIsLimitedToTheDailyFactor() {
    Plan steep =
        new Plan(
            "steep",
            SenderKind.MAILBOX,
            java.util.List.of(new Plan.Step(1, 20), new Plan.Step(2, 1000)));
    Decision d =
        ramp.nextDay(
            new Ramp.Standing(steep, 1, 20, false, false, Ramp.Health.HEALTHY, Ramp.Day.NONE, 1));
    assertThat(d.dailyCap()).isEqualTo(40);
    assertThat(d.reason()).endsWith("; limited to 2.0x the last cap 20 (plan says 1000)");
  }
}
