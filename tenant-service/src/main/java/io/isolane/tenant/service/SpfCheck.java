package io.isolane.tenant.service;

import io.isolane.tenant.CheckStatus;
import io.isolane.tenant.DnsCheck;
import io.isolane.tenant.client.DnsLookupException;
import io.isolane.tenant.client.DnsResolver;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the SPF record of a MAIL FROM domain: exactly one, valid, authorising Amazon SES through
 * include:amazonses.com (directly or via nested include or redirect), not permitting every sender,
 * and within the 10 DNS-querying terms of RFC 7208 section 4.6.4. Terms are counted statically
 * through every include and redirect: the worst case a receiver can meet, since evaluation order
 * depends on the sending address.
 */
final class SpfCheck {
  static final int MAX_LOOKUPS = 10;

  private final DnsResolver dns;

  SpfCheck(DnsResolver dns) {
    this.dns = dns;
  }

  DnsCheck check(String mailFrom) {
    try {
      List<String> found = spfRecords(mailFrom);
      if (found.isEmpty()) {
        return result(CheckStatus.MISSING, mailFrom, found, "no v=spf1 TXT record at " + mailFrom);
      }
      if (found.size() > 1) {
        String detail = "permerror: " + found.size() + " v=spf1 records; publish exactly one";
        return result(CheckStatus.FAIL, mailFrom, found, detail);
      }
      Walk walk = new Walk();
      boolean authorisesSes = walk.record(mailFrom, found.get(0));
      List<String> problems = walk.problems;
      if (walk.lookups > MAX_LOOKUPS) {
        problems.add(
            (walk.stopped ? "at least " : "")
                + walk.lookups
                + " DNS lookups, over the limit of "
                + MAX_LOOKUPS
                + " (RFC 7208 section 4.6.4)");
      }
      if (problems.isEmpty() && !authorisesSes) { // a permerror already says it authorises nobody
        problems.add("does not authorise Amazon SES (include:" + DnsRecords.SES_SPF_DOMAIN + ")");
      }
      return problems.isEmpty()
          ? result(
              CheckStatus.PASS,
              mailFrom,
              found,
              "authorises Amazon SES with " + walk.lookups + " of " + MAX_LOOKUPS + " DNS lookups")
          : result(CheckStatus.FAIL, mailFrom, found, String.join("; ", problems));
    } catch (DnsLookupException e) {
      return result(CheckStatus.ERROR, mailFrom, List.of(), e.getMessage());
    }
  }

  private List<String> spfRecords(String domain) {
    return dns.txt(domain).stream().filter(SpfRecord::isSpf).toList();
  }

  private static DnsCheck result(
      CheckStatus status, String mailFrom, List<String> found, String detail) {
    return new DnsCheck(DnsCheck.SPF, status, mailFrom, DnsRecords.SES_SPF, found, detail);
  }

  /** One walk through a record and the records it includes or redirects to. */
  private final class Walk {
    private final List<String> problems = new ArrayList<>();
    private int lookups;
    // set when nested records were left unread because the limit was already exceeded
    private boolean stopped;

    /** Walks one record; true when it gives SES's servers a pass. */
    boolean record(String domain, String text) {
      SpfRecord record;
      try {
        record = SpfRecord.parse(text);
      } catch (IllegalArgumentException e) {
        problems.add(domain + ": " + e.getMessage());
        return false;
      }
      Boolean sesResult = null; // decided by the first mechanism that matches SES
      for (SpfRecord.Directive directive : record.directives()) {
        if (directive.queriesDns()) {
          lookups++;
        }
        boolean matchesSes =
            switch (directive.mechanism()) {
              case "all" -> true;
              case "include" ->
                  follow(directive.target())
                      || DnsRecords.SES_SPF_DOMAIN.equals(directive.target());
              default -> false;
            };
        if (directive.mechanism().equals("all") && directive.passes()) {
          problems.add(domain + ": " + directive.term() + " permits any sender");
        }
        if (matchesSes && sesResult == null) {
          sesResult = directive.passes();
        }
      }
      if (record.redirectApplies()) {
        lookups++;
        boolean redirected = follow(record.redirect());
        sesResult = sesResult == null ? redirected : sesResult;
      }
      return Boolean.TRUE.equals(sesResult);
    }

    /** Reads and walks an included or redirected-to record; false when it does not pass SES. */
    private boolean follow(String domain) {
      if (lookups > MAX_LOOKUPS) {
        stopped = true; // also ends include loops
        return false;
      }
      if (domain.contains("%")) {
        return false; // macros expand per message: nothing to read statically
      }
      List<String> records = spfRecords(domain);
      if (records.size() != 1) {
        problems.add(
            "permerror: "
                + domain
                + " has "
                + (records.isEmpty() ? "no" : String.valueOf(records.size()))
                + " v=spf1 records");
        return false;
      }
      return record(domain, records.get(0));
    }
  }
}
