package io.isolane.replies.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.contracts.events.ReplyCategory;
import io.isolane.replies.Classification;
import io.isolane.replies.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The intent model the build trained from src/corpus/replies.tsv. */
class IntentModelTest {
  private static final Path CORPUS = Path.of("src/corpus/replies.tsv");

  @Test
  void buildShipsAModelTrainedWithoutTheHeldOutPart() throws IOException {
    List<IntentCorpus.Example> corpus = IntentCorpus.read(CORPUS);
    assertThat(IntentModel.shared()).isNotNull();
    assertThat(corpus).hasSize(240);
    assertThat(corpus.stream().filter(IntentCorpus.Example::heldOut)).hasSize(60);
    // every language and label has held-out examples
    assertThat(
            corpus.stream()
                .filter(IntentCorpus.Example::heldOut)
                .map(e -> e.language() + e.label())
                .distinct())
        .hasSize(30);
  }

  @Test
  void heldOutAccuracyStaysAboveChance() throws IOException {
    List<IntentCorpus.Example> test =
        IntentCorpus.read(CORPUS).stream().filter(IntentCorpus.Example::heldOut).toList();
    long right =
        test.stream()
            .filter(
                e ->
                    IntentModel.shared()
                        .predict(e.text())
                        .category()
                        .name()
                        .equalsIgnoreCase(e.label()))
            .count();
    // five classes: chance is 0.2; the README reports the measured figures
    assertThat((double) right / test.size()).isGreaterThanOrEqualTo(0.5);
  }

  @Test
  void modelStaysSilentOnTextItDoesNotKnow() {
    assertThat(IntentModel.shared().predictKnown("xq zzv qqlk wpt rrtx")).isEmpty();
    assertThat(IntentModel.shared().predictKnown("")).isEmpty();
  }

  @Test
  void modelDecidesWhenNoRuleDoesWithLowerConfidenceAndSaysSo() {
    Classification result =
        new ReplyClassifier(1_000_000)
            .classify(
                Fixtures.crlf(
                    "From: a@b.example\nSubject: Re: x\nContent-Type: text/plain; charset=utf-8\n\n"
                        + "Podemos agendar uma chamada na próxima semana?\n"),
                LocalDate.of(2026, 3, 2),
                List.of());
    assertThat(result.category()).isEqualTo(ReplyCategory.INTERESTED);
    assertThat(result.confidence()).isLessThanOrEqualTo(0.6);
    assertThat(result.evidence()).anyMatch(e -> e.startsWith("model: interested p="));
  }
}
