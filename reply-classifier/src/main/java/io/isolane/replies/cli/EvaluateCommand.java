package io.isolane.replies.cli;

import io.isolane.contracts.events.ReplyCategory;
import io.isolane.replies.service.IntentCorpus;
import io.isolane.replies.service.IntentModel;
import io.isolane.replies.service.IntentTrainer;
import io.isolane.replies.service.LanguageGuesser;
import io.isolane.replies.service.ReplyClassifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Precision, recall and F1 per category and per language on the held-out part of the corpus (never
 * trained on), for the model alone and for the whole classifier (rules, then the model): {@code
 * EvaluateCommand src/corpus/replies.tsv}. With {@code --cv}, instead a 4-fold cross-validation
 * inside the training part, which is where the model's gate is chosen without looking at the
 * held-out part.
 */
public final class EvaluateCommand {
  private static final int FOLDS = 4;

  private EvaluateCommand() {}

  public static void main(String[] args) throws IOException {
    List<IntentCorpus.Example> corpus = IntentCorpus.read(Path.of(args[0]));
    if (args.length > 1 && args[1].equals("--cv")) {
      crossValidate(IntentCorpus.training(corpus));
      return;
    }
    IntentModel model = IntentModel.shared();
    if (model == null) {
      throw new IllegalStateException("no model on the classpath: build the module first");
    }
    List<IntentCorpus.Example> test = IntentCorpus.heldOut(corpus);
    ReplyClassifier classifier = new ReplyClassifier(ClassifyCommand.MAX_BYTES);
    System.out.printf("held-out examples: %d; model load %d ms%n", test.size(), model.loadMillis());
    Scores alone = new Scores();
    Scores combined = new Scores();
    for (IntentCorpus.Example e : test) {
      alone.add(e.language(), e.label(), model.predict(e.newText()).category().name());
      String actual =
          classifier
              .classify(asMail(e.text()), LocalDate.of(2026, 3, 2), List.of())
              .category()
              .name();
      combined.add(e.language(), e.label(), actual);
    }
    alone.print("model alone");
    combined.print("rules + model");
    languages(corpus);
  }

  /** Language detection is not trained on the corpus: every reply of it is a fair test. */
  private static void languages(List<IntentCorpus.Example> corpus) {
    Map<String, int[]> byLanguage = new TreeMap<>();
    long start = System.nanoTime();
    for (IntentCorpus.Example e : corpus) {
      int[] counts = byLanguage.computeIfAbsent(e.language(), k -> new int[2]);
      counts[0] += e.language().equals(LanguageGuesser.guess(e.newText())) ? 1 : 0;
      counts[1]++;
    }
    long micros = (System.nanoTime() - start) / 1000 / corpus.size();
    System.out.printf(
        "%nlanguage detection on all %d replies (load %d ms, %d us per reply):%n",
        corpus.size(), LanguageGuesser.loadMillis(), micros);
    byLanguage.forEach(
        (language, c) ->
            System.out.printf("  %-4s %.2f (%d/%d)%n", language, (double) c[0] / c[1], c[0], c[1]));
  }

  /**
   * Each fold trained on the other three; prints the model's accuracy and, per probability
   * threshold, how often the gated model speaks on a non-other reply and how often it is then
   * right.
   */
  private static void crossValidate(List<IntentCorpus.Example> training) {
    Scores scores = new Scores();
    List<double[]> gated = new ArrayList<>(); // probability (-1: silent), right, labelled other
    for (int fold = 0; fold < FOLDS; fold++) {
      List<IntentCorpus.Example> train = new ArrayList<>();
      List<IntentCorpus.Example> test = new ArrayList<>();
      for (int i = 0; i < training.size(); i++) {
        (i % FOLDS == fold ? test : train).add(training.get(i));
      }
      IntentModel model =
          IntentModel.of(IntentTrainer.train(train), IntentTrainer.vocabulary(train));
      for (IntentCorpus.Example e : test) {
        IntentModel.Prediction p = model.predict(e.newText());
        scores.add(e.language(), e.label(), p.category().name());
        Optional<IntentModel.Prediction> known = model.predictKnown(e.newText());
        boolean speaks = known.isPresent() && known.get().category() != ReplyCategory.OTHER;
        boolean right = p.category().name().equalsIgnoreCase(e.label());
        boolean other = e.label().equals("other");
        gated.add(new double[] {speaks ? p.probability() : -1, right ? 1 : 0, other ? 1 : 0});
      }
    }
    scores.print(FOLDS + "-fold cross-validation on the training part, model alone");
    System.out.printf("%n  %-9s %8s %9s %9s%n", "threshold", "speaks", "precision", "accuracy");
    for (double t = 0.2; t < 0.81; t += 0.05) {
      double threshold = t;
      long speaks = gated.stream().filter(g -> g[0] >= threshold).count();
      long right = gated.stream().filter(g -> g[0] >= threshold && g[1] == 1).count();
      // silent means "other": right when the reply was labelled other
      long silentOther = gated.stream().filter(g -> g[0] < threshold && g[2] == 1).count();
      System.out.printf(
          Locale.ROOT,
          "  %-9.2f %8d %9.2f %9.2f%n",
          threshold,
          speaks,
          (double) right / speaks,
          (double) (right + silentOther) / gated.size());
    }
  }

  private static byte[] asMail(String text) {
    return ("From: someone@customer.example\r\nSubject: Re: Quick question\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            + text.replace("\n", "\r\n")
            + "\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}
