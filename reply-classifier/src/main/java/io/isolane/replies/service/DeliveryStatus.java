package io.isolane.replies.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The per-recipient fields of an RFC 3464 message/delivery-status body: field groups separated by
 * blank lines, folded lines joined; the first group (Reporting-MTA ...) is about the message.
 */
final class DeliveryStatus {
  private DeliveryStatus() {}

  /** One recipient's report. */
  record Recipient(String address, String action, String status, String diagnostic) {}

  /** The recipients reported, in order; empty when the body has no recipient group. */
  static List<Recipient> recipients(String body) {
    List<Recipient> out = new ArrayList<>();
    for (Map<String, String> group : groups(body)) {
      String address =
          address(group.getOrDefault("final-recipient", group.get("original-recipient")));
      if (address != null) {
        out.add(
            new Recipient(
                address,
                group.getOrDefault("action", "").toLowerCase(Locale.ROOT),
                status(group.get("status")),
                diagnostic(group.get("diagnostic-code"))));
      }
    }
    return out;
  }

  private static List<Map<String, String>> groups(String body) {
    List<Map<String, String>> groups = new ArrayList<>();
    Map<String, String> current = new LinkedHashMap<>();
    String last = null;
    for (String line : body.replace("\r", "").split("\n")) {
      if (line.isBlank()) {
        if (!current.isEmpty()) {
          groups.add(current);
          current = new LinkedHashMap<>();
        }
        last = null;
      } else if (Character.isWhitespace(line.charAt(0)) && last != null) {
        current.merge(last, " " + line.strip(), String::concat);
      } else {
        int colon = line.indexOf(':');
        if (colon > 0) {
          last = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
          current.putIfAbsent(last, line.substring(colon + 1).strip());
        }
      }
    }
    if (!current.isEmpty()) {
      groups.add(current);
    }
    return groups;
  }

  /** "rfc822; Bob@Example.org" -> "bob@example.org". */
  private static String address(String value) {
    if (value == null) {
      return null;
    }
    int semicolon = value.indexOf(';');
    String address = (semicolon < 0 ? value : value.substring(semicolon + 1)).strip();
    address = address.replaceAll("^<|>$", "");
    return Addresses.isAddress(address) ? address.toLowerCase(Locale.ROOT) : null;
  }

  /** "5.1.1 (user unknown)" -> "5.1.1". */
  private static String status(String value) {
    if (value == null) {
      return null;
    }
    var matcher = BounceText.STATUS.matcher(value);
    return matcher.find() ? matcher.group() : null;
  }

  /** "smtp; 550 5.1.1 No such user" -> "550 5.1.1 No such user". */
  private static String diagnostic(String value) {
    if (value == null) {
      return null;
    }
    int semicolon = value.indexOf(';');
    return (semicolon < 0 ? value : value.substring(semicolon + 1)).strip();
  }
}
