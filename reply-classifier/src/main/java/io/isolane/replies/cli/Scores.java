package io.isolane.replies.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Precision, recall and F1 per category and per language, from (language, expected, actual). */
final class Scores {
  private record Outcome(String language, String expected, String actual) {}

  private final List<Outcome> outcomes = new ArrayList<>();

  void add(String language, String expected, String actual) {
    outcomes.add(
        new Outcome(language, expected.toLowerCase(Locale.ROOT), actual.toLowerCase(Locale.ROOT)));
  }

  long correct() {
    return outcomes.stream().filter(o -> o.expected.equals(o.actual)).count();
  }

  int size() {
    return outcomes.size();
  }

  void print(String title) {
    System.out.printf(
        "%n%s: accuracy %.2f (%d/%d)%n", title, (double) correct() / size(), correct(), size());
    System.out.printf(
        "  %-15s %9s %6s %6s %7s%n", "category", "precision", "recall", "F1", "support");
    for (String category : categories()) {
      double[] prf = prf(outcomes, category);
      long support = outcomes.stream().filter(o -> o.expected.equals(category)).count();
      System.out.printf(
          "  %-15s %9.2f %6.2f %6.2f %7d%n", category, prf[0], prf[1], prf[2], support);
    }
    System.out.printf(
        "  %-15s %9s %6s %6s %8s (macro averages over categories)%n",
        "language", "precision", "recall", "F1", "accuracy");
    Map<String, List<Outcome>> byLanguage = new TreeMap<>();
    outcomes.forEach(o -> byLanguage.computeIfAbsent(o.language, k -> new ArrayList<>()).add(o));
    byLanguage.forEach(
        (language, list) -> {
          double[] macro = new double[3];
          List<String> labels = list.stream().map(Outcome::expected).distinct().toList();
          for (String category : labels) {
            double[] prf = prf(list, category);
            for (int i = 0; i < 3; i++) {
              macro[i] += prf[i] / labels.size();
            }
          }
          long right = list.stream().filter(o -> o.expected.equals(o.actual)).count();
          System.out.printf(
              "  %-15s %9.2f %6.2f %6.2f %8.2f (%d/%d)%n",
              language,
              macro[0],
              macro[1],
              macro[2],
              (double) right / list.size(),
              right,
              list.size());
        });
  }

  private TreeSet<String> categories() {
    TreeSet<String> all = new TreeSet<>();
    outcomes.forEach(o -> all.add(o.expected));
    outcomes.forEach(o -> all.add(o.actual));
    return all;
  }

  /** Precision, recall, F1 of one category; 0 where undefined. */
  private static double[] prf(List<Outcome> list, String category) {
    long tp =
        list.stream().filter(o -> o.expected.equals(category) && o.actual.equals(category)).count();
    long fp =
        list.stream()
            .filter(o -> !o.expected.equals(category) && o.actual.equals(category))
            .count();
    long fn =
        list.stream()
            .filter(o -> o.expected.equals(category) && !o.actual.equals(category))
            .count();
    double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    return new double[] {p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)};
  }
}
