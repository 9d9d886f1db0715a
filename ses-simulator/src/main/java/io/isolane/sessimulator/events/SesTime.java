package io.isolane.sessimulator.events;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** SES event timestamps: ISO-8601 UTC with milliseconds. */
final class SesTime {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private SesTime() {}

  static String iso(Instant instant) {
    return ISO.format(instant);
  }
}
