package io.isolane.feedback.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.isolane.feedback.repository.ReportQueries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Folds summed counters into report rows: one per period and key, every metric named. */
final class ReportRows {
  private static final String REASON = "bounce_reason:";
  private static final String REPLIED = "replied:";

  private ReportRows() {}

  /** Bounces of a row. */
  record Bounces(long hard, long soft, Map<String, Long> byReason) {}

  /** Replies of a row. */
  record Replies(long total, Map<String, Long> byCategory) {}

  /** One period (and key) of a report. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Row(
      String period,
      String key,
      long sent,
      long delivered,
      Bounces bounced,
      long complained,
      long unsubscribed,
      long opened,
      long clicked,
      Replies replied,
      Map<String, Long> other) {}

  static List<Row> fold(List<ReportQueries.Figure> figures, boolean keyed) {
    Map<String, Map<String, Long>> grouped = new LinkedHashMap<>();
    Map<String, String[]> ids = new LinkedHashMap<>();
    for (ReportQueries.Figure f : figures) {
      String id = f.period() + "\n" + f.key();
      ids.putIfAbsent(id, new String[] {f.period(), f.key()});
      grouped.computeIfAbsent(id, k -> new TreeMap<>()).merge(f.metric(), f.count(), Long::sum);
    }
    List<Row> rows = new ArrayList<>();
    grouped.forEach((id, m) -> rows.add(row(ids.get(id), m, keyed)));
    return rows;
  }

  private static Row row(String[] id, Map<String, Long> m, boolean keyed) {
    Map<String, Long> reasons = new TreeMap<>();
    Map<String, Long> categories = new TreeMap<>();
    Map<String, Long> other = new TreeMap<>();
    m.forEach(
        (metric, count) -> {
          if (metric.startsWith(REASON)) {
            reasons.put(metric.substring(REASON.length()), count);
          } else if (metric.startsWith(REPLIED)) {
            categories.put(metric.substring(REPLIED.length()), count);
          } else if (!MAIN.contains(metric)) {
            other.put(metric, count);
          }
        });
    return new Row(
        id[0],
        keyed ? id[1] : null,
        get(m, "sent"),
        get(m, "delivered"),
        new Bounces(get(m, "bounced_hard"), get(m, "bounced_soft"), reasons),
        get(m, "complained"),
        get(m, "unsubscribed"),
        get(m, "opened"),
        get(m, "clicked"),
        new Replies(categories.values().stream().mapToLong(Long::longValue).sum(), categories),
        other.isEmpty() ? null : other);
  }

  private static final List<String> MAIN =
      List.of(
          "sent",
          "delivered",
          "bounced_hard",
          "bounced_soft",
          "complained",
          "unsubscribed",
          "opened",
          "clicked");

  private static long get(Map<String, Long> m, String metric) {
    return m.getOrDefault(metric, 0L);
  }
}
