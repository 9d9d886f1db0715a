package io.isolane.sending.rest;

import io.isolane.servicekit.rest.Violations;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Extra headers a client may set: RFC 5322 field names, single-line values (a CR or LF would let a
 * client inject headers or a body), and none of the headers the platform itself sets or that decide
 * delivery and authentication.
 */
final class HeaderRules {
  static final int MAX_NAME = 76;
  static final int MAX_VALUE = 998;
  private static final Pattern NAME = Pattern.compile("[\\x21-\\x39\\x3B-\\x7E]+");
  private static final Set<String> RESERVED =
      Set.of(
          "from",
          "sender",
          "to",
          "cc",
          "bcc",
          "reply-to",
          "subject",
          "date",
          "message-id",
          "return-path",
          "mime-version",
          "content-type",
          "content-transfer-encoding",
          "content-disposition",
          "list-unsubscribe",
          "list-unsubscribe-post",
          "dkim-signature",
          "received",
          "feedback-id");

  private HeaderRules() {}

  static void check(Map<String, String> headers, String prefix, int max, Violations v) {
    if (headers == null) {
      return;
    }
    if (headers.size() > max) {
      v.invalid(prefix + "headers", "must have at most " + max + " headers");
    }
    headers.forEach((name, value) -> check(name, value, prefix + "headers." + name, v));
  }

  private static void check(String name, String value, String field, Violations v) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (name.length() > MAX_NAME || !NAME.matcher(name).matches()) {
      v.invalid(field, "is not a valid header name (printable ASCII without ':' or spaces)");
    } else if (RESERVED.contains(lower) || lower.startsWith("x-ses-")) {
      v.invalid(field, "is set by the platform and cannot be given");
    }
    if (value == null) {
      v.invalid(field, "must have a value");
    } else if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf(0) >= 0) {
      v.invalid(field, "must not contain line breaks");
    } else if (value.length() > MAX_VALUE) {
      v.invalid(field, "must be at most " + MAX_VALUE + " characters");
    }
  }
}
