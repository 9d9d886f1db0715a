package io.isolane.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.contracts.events.SenderHealth.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthJudgeTest {
  private static final HealthThresholds DEFAULTS =
      new HealthThresholds(0.02, 0.04, 0.0005, 0.001, 100, 1000);
  private static final HealthSubject ANA = HealthSubject.mailbox("ana@mail.acme.example");
  private static final HealthSubject BOB = HealthSubject.mailbox("bob@mail.acme.example");
  private static final HealthSubject DOMAIN = HealthSubject.sendingDomain("mail.acme.example");
  private static final HealthSubject GMAIL = HealthSubject.recipientDomain("gmail.com");

  @Test
  void ratesAreJudgedOnlyOverEnoughSends() {
    assertThat(HealthPolicy.judge(figures(3, 1, 0), DEFAULTS).status()).isEqualTo(Status.HEALTHY);
    assertThat(HealthPolicy.judge(figures(3, 1, 0), DEFAULTS).reason())
        .contains("fewer than the 100 needed");
    assertThat(HealthPolicy.judge(figures(100, 1, 0), DEFAULTS).status()).isEqualTo(Status.HEALTHY);
    assertThat(HealthPolicy.judge(figures(100, 2, 0), DEFAULTS).status()).isEqualTo(Status.WARNING);
    assertThat(HealthPolicy.judge(figures(100, 4, 0), DEFAULTS))
        .isEqualTo(
            new HealthPolicy.Verdict(
                Status.BREACH,
                "hard bounces 4% of the last 100 sends, at or over the 4% pause threshold"));
    // one complaint in 500 sends is 0.2%, but 500 sends are too few to judge complaints
    assertThat(HealthPolicy.judge(figures(500, 0, 1), DEFAULTS).status()).isEqualTo(Status.HEALTHY);
    assertThat(HealthPolicy.judge(figures(1000, 0, 1), DEFAULTS).reason())
        .isEqualTo("complaints 0.1% of the last 1000 sends, at or over the 0.1% pause threshold");
    assertThat(HealthPolicy.judge(figures(2000, 0, 1), DEFAULTS).status())
        .isEqualTo(Status.WARNING);
  }

  @Test
  void theSmallestScopeThatExplainsABreachIsPausedAndNothingWider() {
    Map<HealthSubject, HealthFigures> figures = new LinkedHashMap<>();
    figures.put(HealthSubject.TENANT, figures(200, 10, 0));
    figures.put(DOMAIN, figures(200, 10, 0));
    figures.put(ANA, figures(100, 10, 0));

    List<HealthJudge.Change> changes = HealthJudge.changes(figures, Map.of(), DEFAULTS);

    assertThat(changes)
        .extracting(HealthJudge.Change::subject)
        .containsExactly(ANA, DOMAIN, HealthSubject.TENANT);
    assertThat(changes).allMatch(c -> c.verdict().status() == Status.BREACH);
    assertThat(changes.get(0).pauseCommandId()).isNotNull();
    assertThat(changes.get(1).pauseCommandId()).isNull();
    assertThat(changes.get(2).pauseCommandId()).isNull();
  }

  @Test
  void aDomainWhoseMailboxesAreEachFineButTogetherBreachIsPausedItself() {
    Map<HealthSubject, HealthFigures> figures = new LinkedHashMap<>();
    figures.put(ANA, figures(99, 9, 0)); // too few sends to judge alone
    figures.put(DOMAIN, figures(198, 18, 0));
    figures.put(HealthSubject.TENANT, figures(198, 18, 0));
    Map<HealthSubject, HealthJudge.Recorded> recorded =
        Map.of(BOB, new HealthJudge.Recorded(Status.HEALTHY, null));

    List<HealthJudge.Change> changes = HealthJudge.changes(figures, recorded, DEFAULTS);

    assertThat(changes)
        .extracting(HealthJudge.Change::subject)
        .containsExactly(DOMAIN, HealthSubject.TENANT);
    assertThat(changes.get(0).pauseCommandId()).isNotNull();
    assertThat(changes.get(1).pauseCommandId()).as("explained by the domain").isNull();
  }

  @Test
  void aPausedBreachStandsAndARecipientDomainIsNeverPaused() {
    Map<HealthSubject, HealthFigures> figures = new LinkedHashMap<>();
    figures.put(ANA, figures(1000, 0, 0));
    figures.put(GMAIL, figures(100, 50, 0));
    Map<HealthSubject, HealthJudge.Recorded> recorded =
        Map.of(ANA, new HealthJudge.Recorded(Status.BREACH, "cmd-1"));

    List<HealthJudge.Change> changes = HealthJudge.changes(figures, recorded, DEFAULTS);

    assertThat(changes).hasSize(1);
    assertThat(changes.get(0).subject()).isEqualTo(GMAIL);
    assertThat(changes.get(0).verdict().status()).isEqualTo(Status.BREACH);
    assertThat(changes.get(0).pauseCommandId()).isNull();
  }

  @Test
  void aWarningClearsOnItsOwnWhenTheRateFalls() {
    Map<HealthSubject, HealthFigures> figures = Map.of(ANA, figures(300, 2, 0));
    Map<HealthSubject, HealthJudge.Recorded> recorded =
        Map.of(ANA, new HealthJudge.Recorded(Status.WARNING, null));

    List<HealthJudge.Change> changes = HealthJudge.changes(figures, recorded, DEFAULTS);

    assertThat(changes)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.previous()).isEqualTo(Status.WARNING);
              assertThat(c.verdict().status()).isEqualTo(Status.HEALTHY);
            });
  }

  private static HealthFigures figures(long sends, long hard, long complaints) {
    return new HealthFigures(sends, hard, 0, complaints, 0, 0);
  }
}
