package io.isolane.sessimulator.sending;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The top-level header block of a raw message, unfolded, keyed by lower-case name (first occurrence
 * wins). Enough to find From, To, Cc and Subject; bodies are never parsed here.
 */
public final class RawHeaders {
  private RawHeaders() {}

  public static Map<String, String> of(byte[] raw) {
    String text = new String(raw, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      end = text.indexOf("\n\n");
    }
    String block = end < 0 ? text : text.substring(0, end);
    Map<String, String> headers = new LinkedHashMap<>();
    String unfolded = block.replaceAll("\r?\n[ \t]+", " ");
    for (String line : unfolded.split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.putIfAbsent(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
    }
    return headers;
  }

  /** The addresses listed in the given headers (comma-separated, display names allowed). */
  public static List<String> addresses(Map<String, String> headers, String... names) {
    List<String> out = new ArrayList<>();
    for (String name : names) {
      String value = headers.get(name);
      if (value != null) {
        for (String part : value.split(",")) {
          if (!part.isBlank()) {
            out.add(part.trim());
          }
        }
      }
    }
    return out;
  }
}
