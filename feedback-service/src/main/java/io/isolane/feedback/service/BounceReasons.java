package io.isolane.feedback.service;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Classifies a bounce the way sisimai names reasons, from SES's subtype and the remote server's
 * diagnostic code: a bad address (userunknown) is told apart from a reputation block (blocked,
 * spamdetected) or a full mailbox, which call for different actions.
 */
final class BounceReasons {
  // first match wins: the more specific signals come first (a blocklist named Spamhaus is a
  // reputation block, not spam found in the content)
  private static final List<Map.Entry<String, List<String>>> RULES =
      List.of(
          Map.entry("suppressed", List.of("onaccountsuppressionlist", "suppressed")),
          Map.entry(
              "mailboxfull",
              List.of(
                  "mailboxfull",
                  "mailbox full",
                  "quota",
                  "5.2.2",
                  "4.2.2",
                  "insufficient storage")),
          Map.entry("mesgtoobig", List.of("messagetoolarge", "5.3.4", "too large", "size limit")),
          Map.entry(
              "blocked",
              List.of(
                  "blocklist",
                  "blacklist",
                  "block list",
                  "spamhaus",
                  "listed at",
                  "5.7.606",
                  "poor reputation",
                  "ip reputation")),
          Map.entry("spamdetected", List.of("spam", "5.7.350", "content rejected as spam")),
          Map.entry(
              "ratelimited",
              List.of("rate limit", "too many", "4.7.28", "throttl", "try again later")),
          Map.entry(
              "policyviolation",
              List.of("policy", "5.7.1", "dmarc", "not authorized", "authentication")),
          Map.entry(
              "hostunknown",
              List.of(
                  "host unknown", "domain not found", "5.1.2", "no mx", "nxdomain", "unrouteable")),
          Map.entry(
              "userunknown",
              List.of(
                  "noemail",
                  "user unknown",
                  "5.1.1",
                  "does not exist",
                  "no such user",
                  "unknown user",
                  "invalid recipient",
                  "recipient rejected",
                  "mailbox unavailable",
                  "account disabled",
                  "5.1.10")),
          Map.entry(
              "expired", List.of("expired", "4.4.7", "timeout", "timed out", "delivery time")),
          Map.entry("contenterror", List.of("contentrejected", "attachmentrejected", "content")));

  private BounceReasons() {}

  static String classify(String subType, String diagnosticCode) {
    String text =
        ((subType == null ? "" : subType) + " " + (diagnosticCode == null ? "" : diagnosticCode))
            .toLowerCase(Locale.ROOT);
    for (Map.Entry<String, List<String>> rule : RULES) {
      if (rule.getValue().stream().anyMatch(text::contains)) {
        return rule.getKey();
      }
    }
    return "undefined";
  }
}
