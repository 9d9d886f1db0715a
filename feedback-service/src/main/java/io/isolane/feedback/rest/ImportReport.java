package io.isolane.feedback.rest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Folds an import's lines and what each valid one changed into the per-row answer. */
final class ImportReport {
  private ImportReport() {}

  static SuppressionViews.ImportResult of(List<SuppressionCsv.Line> lines, List<Boolean> changed) {
    List<SuppressionViews.RowResult> results = new ArrayList<>();
    Iterator<Boolean> outcome = changed.iterator();
    int suppressed = 0;
    int already = 0;
    int invalid = 0;
    for (SuppressionCsv.Line line : lines) {
      if (line.entry() == null) {
        invalid++;
        results.add(
            new SuppressionViews.RowResult(line.number(), line.address(), "invalid", line.error()));
      } else if (outcome.next()) {
        suppressed++;
        results.add(
            new SuppressionViews.RowResult(line.number(), line.address(), "suppressed", null));
      } else {
        already++;
        results.add(
            new SuppressionViews.RowResult(
                line.number(), line.address(), "already_suppressed", null));
      }
    }
    return new SuppressionViews.ImportResult(lines.size(), suppressed, already, invalid, results);
  }
}
