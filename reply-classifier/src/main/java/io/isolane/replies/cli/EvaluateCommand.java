package io.isolane.replies.cli;

import io.isolane.contracts.events.ReplyCategory;
import io.isolane.replies.service.IntentCorpus;
import io.isolane.replies.service.IntentModel;
import io.isolane.replies.service.ReplyClassifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Precision, recall and F1 per category and per language on the held-out part of the corpus (never
 * trained on), for the model alone and for the whole classifier (rules, then the model): {@code
 * EvaluateCommand src/corpus/replies.tsv}.
 */
public final class EvaluateCommand {
  private EvaluateCommand() {}

  public static void main(String[] args) throws IOException {
    List<IntentCorpus.Example> test =
        IntentCorpus.read(Path.of(args[0])).stream().filter(IntentCorpus.Example::heldOut).toList();
    IntentModel model = IntentModel.shared();
    if (model == null) {
      throw new IllegalStateException("no model on the classpath: build the module first");
    }
    ReplyClassifier classifier = new ReplyClassifier(ClassifyCommand.MAX_BYTES);
    System.out.printf("held-out examples: %d; model load %d ms%n", test.size(), model.loadMillis());
    report("model alone", test, e -> model.predict(e.text()).category().name());
    report(
        "rules + model",
        test,
        e ->
            classifier
                .classify(asMail(e.text()), LocalDate.of(2026, 3, 2), List.of())
                .category()
                .name());
  }

  private static byte[] asMail(String text) {
    return ("From: someone@customer.example\r\nSubject: Re: Quick question\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            + text
            + "\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void report(
      String title,
      List<IntentCorpus.Example> test,
      Function<IntentCorpus.Example, String> predict) {
    Map<String, int[]> byCategory = new TreeMap<>();
    Map<String, int[]> byLanguage = new TreeMap<>();
    int correct = 0;
    for (IntentCorpus.Example e : test) {
      String expected = e.label().toUpperCase(Locale.ROOT);
      String actual = predict.apply(e);
      boolean hit = expected.equals(actual);
      correct += hit ? 1 : 0;
      // [true positives, false positives, false negatives] per category; language: [hits, total]
      byCategory.computeIfAbsent(expected, k -> new int[3])[hit ? 0 : 2]++;
      if (!hit) {
        byCategory.computeIfAbsent(actual, k -> new int[3])[1]++;
      }
      int[] lang = byLanguage.computeIfAbsent(e.language(), k -> new int[2]);
      lang[0] += hit ? 1 : 0;
      lang[1]++;
    }
    System.out.printf(
        "%n%s: accuracy %.2f (%d/%d)%n",
        title, (double) correct / test.size(), correct, test.size());
    System.out.printf("  %-15s %9s %6s %6s%n", "category", "precision", "recall", "F1");
    byCategory.forEach(
        (category, c) -> {
          double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
          double r = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
          double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
          System.out.printf(
              "  %-15s %9.2f %6.2f %6.2f%n", category.toLowerCase(Locale.ROOT), p, r, f1);
        });
    System.out.printf("  %-15s %9s%n", "language", "accuracy");
    byLanguage.forEach(
        (lang, c) ->
            System.out.printf("  %-15s %9.2f (%d/%d)%n", lang, (double) c[0] / c[1], c[0], c[1]));
  }

  static {
    // the categories the corpus labels must exist in the contract
    for (String label :
        List.of("interested", "not_interested", "unsubscribe", "referral", "other")) {
      ReplyCategory.valueOf(label.toUpperCase(Locale.ROOT));
    }
  }
}
