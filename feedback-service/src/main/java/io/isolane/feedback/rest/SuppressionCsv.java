package io.isolane.feedback.rest;

import io.isolane.contracts.events.SuppressionReason;
import io.isolane.feedback.Addresses;
import io.isolane.feedback.service.SuppressionAdmin;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A suppression import: one address per line, optionally {@code address,reason,expires_at} (reason
 * defaults to manual; expires_at is ISO-8601), an optional header line naming the columns. Each
 * line is judged on its own, so one bad line never hides the others.
 */
final class SuppressionCsv {
  static final int MAX_ROWS = 10_000;

  private SuppressionCsv() {}

  /** A parsed line: its entry, or why it cannot be one. */
  record Line(int number, String address, SuppressionAdmin.Entry entry, String error) {}

  static List<Line> parse(String body) {
    List<Line> lines = new ArrayList<>();
    String[] raw = body.split("\r?\n", -1);
    for (int i = 0; i < raw.length; i++) {
      String text = raw[i].strip();
      if (text.isEmpty() || (i == 0 && isHeader(text))) {
        continue;
      }
      lines.add(line(i + 1, cells(text)));
    }
    return lines;
  }

  private static boolean isHeader(String text) {
    String first = cells(text).get(0).toLowerCase(Locale.ROOT);
    return first.equals("address") || first.equals("email");
  }

  private static Line line(int number, List<String> cells) {
    String address = cells.get(0);
    Optional<String> problem = Addresses.problem(address);
    if (problem.isPresent()) {
      return new Line(number, address, null, "address " + problem.get());
    }
    String reasonText = cells.size() > 1 && !cells.get(1).isBlank() ? cells.get(1) : "manual";
    Optional<SuppressionReason> reason =
        SuppressionViews.reason(reasonText.toLowerCase(Locale.ROOT));
    if (reason.isEmpty()) {
      return new Line(number, address, null, "reason must be one of " + SuppressionViews.reasons());
    }
    Instant expiresAt = null;
    if (cells.size() > 2 && !cells.get(2).isBlank()) {
      try {
        expiresAt = Instant.parse(cells.get(2));
      } catch (DateTimeParseException e) {
        return new Line(number, address, null, "expires_at is not an ISO-8601 instant");
      }
    }
    return new Line(
        number, address, new SuppressionAdmin.Entry(address, reason.get(), expiresAt), null);
  }

  /** Comma-separated cells; a cell may be double-quoted ("" inside is a quote). */
  private static List<String> cells(String text) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' && quoted && i + 1 < text.length() && text.charAt(i + 1) == '"') {
        cell.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString().strip());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString().strip());
    return cells;
  }
}
