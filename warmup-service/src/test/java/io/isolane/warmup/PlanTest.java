package io.isolane.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlanTest {

  @Test
  void coldOutreachStartsAt20AndReaches50InWeekSixWithSmallWeeklySteps() {
    Plan p = Presets.COLD_OUTREACH;
    assertThat(p.capOn(1)).isEqualTo(20);
    assertThat(p.capOn(7)).isEqualTo(20);
    assertThat(p.capOn(8)).isEqualTo(25);
    assertThat(p.capOn(35)).isEqualTo(43);
    assertThat(p.capOn(36)).isEqualTo(50);
    assertThat(p.capOn(400)).isEqualTo(50);
    assertThat(p.target()).isEqualTo(50);
    for (int i = 1; i < p.steps().size(); i++) {
      double growth = (double) p.steps().get(i).dailyCap() / p.steps().get(i - 1).dailyCap();
      assertThat(growth).as("step %d", i + 1).isBetween(1.0, 1.25);
    }
  }

  @Test
  void bulkDomainGoesFrom100To5000InSixWeeksNeverMoreThanDoubling() {
    Plan p = Presets.BULK_DOMAIN;
    assertThat(p.capOn(1)).isEqualTo(100);
    assertThat(p.capOn(8)).isEqualTo(500);
    assertThat(p.capOn(15)).isEqualTo(1_000);
    assertThat(p.capOn(36)).isEqualTo(5_000);
    assertThat(p.capOn(50)).isEqualTo(10_000);
    for (int day = 2; day <= 60; day++) {
      assertThat(p.capOn(day)).isLessThanOrEqualTo(2 * p.capOn(day - 1));
    }
  }

  @Test
  void growthPlanIsExpandedIntoATableUpToItsTarget() {
    Plan p = Plan.growing("g", SenderKind.MAILBOX, 20, 1.2, 7, 50);
    assertThat(p.steps())
        .containsExactly(
            new Plan.Step(1, 20),
            new Plan.Step(8, 24),
            new Plan.Step(15, 29),
            new Plan.Step(22, 35),
            new Plan.Step(29, 42),
            new Plan.Step(36, 50));
    assertThat(Plan.growing("tiny", SenderKind.MAILBOX, 1, 1.01, 1, 3).steps())
        .extracting(Plan.Step::dailyCap)
        .containsExactly(1, 2, 3);
  }

  @Test
  void stagesAndCutTargets() {
    Plan p = Presets.COLD_OUTREACH;
    assertThat(p.stageOn(1)).isEqualTo(1);
    assertThat(p.stageOn(14)).isEqualTo(2);
    assertThat(p.stageOn(36)).isEqualTo(6);
    assertThat(p.firstDayOf(4)).isEqualTo(22);
    assertThat(p.lastDayAtMost(25)).isEqualTo(8);
    assertThat(p.lastDayAtMost(5)).isEqualTo(1);
    assertThatThrownBy(() -> new Plan("x", SenderKind.MAILBOX, List.of(new Plan.Step(2, 10))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
