package io.isolane.tenant.service;

import io.isolane.tenant.CheckStatus;
import io.isolane.tenant.DnsCheck;
import io.isolane.tenant.DomainVerification;
import io.isolane.tenant.client.DnsLookupException;
import io.isolane.tenant.client.DnsResolver;
import io.isolane.tenant.client.MxRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Verifies in DNS what {@link DnsRecords} asks a customer to publish, and whether the result gives
 * DMARC alignment. Blocking: run it on a worker thread. DNS failures become ERROR checks.
 */
public final class DomainVerifier {
  private final DnsResolver dns;
  private final String feedbackHost;
  private final SpfCheck spf;
  private final DmarcCheck dmarc;

  public DomainVerifier(DnsResolver dns, String region) {
    this.dns = dns;
    this.feedbackHost = DnsRecords.feedbackHost(region);
    this.spf = new SpfCheck(dns);
    this.dmarc = new DmarcCheck(dns);
  }

  /**
   * Runs every check.
   *
   * @param domain the SES domain identity, also the From domain, in A-label form
   * @param dkimTokens SES's Easy DKIM tokens, empty until SES issued them
   * @param mailFromDomain the custom MAIL FROM domain
   * @param now when the check runs
   */
  public DomainVerification verify(
      String domain, List<String> dkimTokens, String mailFromDomain, Instant now) {
    String from = DomainNames.normalize(domain);
    String mailFrom = DomainNames.normalize(mailFromDomain);
    List<DnsCheck> checks = new ArrayList<>();
    for (String token : dkimTokens) {
      checks.add(dkim(from, token));
    }
    if (dkimTokens.isEmpty()) {
      String name = "_domainkey." + from;
      checks.add(
          new DnsCheck(
              DnsCheck.DKIM, CheckStatus.MISSING, name, "", List.of(), "no DKIM tokens yet"));
    }
    boolean dkimPublished = checks.stream().allMatch(DnsCheck::passed);
    DnsCheck mx = mailFromMx(mailFrom);
    DnsCheck spfCheck = spf.check(mailFrom);
    DmarcCheck.Result dmarcResult = dmarc.check(from);
    DnsCheck alignment =
        alignment(from, mailFrom, dkimPublished, mx.passed() && spfCheck.passed(), dmarcResult);
    checks.addAll(List.of(mx, spfCheck, dmarcResult.check(), alignment));
    return new DomainVerification(
        checks, dkimPublished, mx.passed(), spfCheck.passed(), alignment.passed(), now);
  }

  private DnsCheck dkim(String domain, String token) {
    String name = DnsRecords.dkimName(token, domain);
    String expected = DnsRecords.dkimTarget(token);
    return guarded(
        DnsCheck.DKIM,
        name,
        expected,
        () -> {
          List<String> found = dns.cname(name);
          CheckStatus status =
              found.isEmpty()
                  ? CheckStatus.MISSING
                  : found.equals(List.of(expected)) ? CheckStatus.PASS : CheckStatus.FAIL;
          String detail =
              switch (status) {
                case MISSING -> "no CNAME record";
                case PASS -> "points to Amazon SES";
                default -> "points to " + String.join(", ", found) + ", not " + expected;
              };
          return new DnsCheck(DnsCheck.DKIM, status, name, expected, found, detail);
        });
  }

  /** SES must receive every bounce, so any other MX host at the MAIL FROM domain fails. */
  private DnsCheck mailFromMx(String mailFrom) {
    String expected = DnsRecords.FEEDBACK_PRIORITY + " " + feedbackHost;
    return guarded(
        DnsCheck.MAIL_FROM_MX,
        mailFrom,
        expected,
        () -> {
          List<MxRecord> records = dns.mx(mailFrom);
          List<String> found = records.stream().map(MxRecord::toString).toList();
          List<String> others =
              records.stream().map(MxRecord::host).filter(h -> !h.equals(feedbackHost)).toList();
          CheckStatus status =
              records.isEmpty()
                  ? CheckStatus.MISSING
                  : others.isEmpty() ? CheckStatus.PASS : CheckStatus.FAIL;
          String detail =
              switch (status) {
                case MISSING -> "no MX record";
                case PASS -> "bounces reach " + feedbackHost;
                default -> "MX " + String.join(", ", others) + " is not " + feedbackHost;
              };
          return new DnsCheck(DnsCheck.MAIL_FROM_MX, status, mailFrom, expected, found, detail);
        });
  }

  /**
   * DMARC passes when an authenticated identifier aligns with the From domain. Easy DKIM signs with
   * d= the identity's domain, which is the From domain; SPF authenticates the MAIL FROM domain.
   */
  private static DnsCheck alignment(
      String from,
      String mailFrom,
      boolean dkimAuthenticated,
      boolean spfAuthenticated,
      DmarcCheck.Result dmarc) {
    DnsCheck dmarcCheck = dmarc.check();
    String name = dmarcCheck.recordName();
    String expected = "DKIM d=" + from + " or SPF " + mailFrom + " aligned with From " + from;
    if (dmarc.record().isEmpty()) {
      CheckStatus status =
          dmarcCheck.status() == CheckStatus.ERROR ? CheckStatus.ERROR : CheckStatus.FAIL;
      return new DnsCheck(
          DnsCheck.DMARC_ALIGNMENT, status, name, expected, List.of(), "no valid DMARC record");
    }
    DmarcRecord record = dmarc.record().get();
    Alignment dkim = Alignment.of("dkim", record.strictDkim(), dkimAuthenticated, from, from);
    Alignment spf = Alignment.of("spf", record.strictSpf(), spfAuthenticated, mailFrom, from);
    List<String> aligned =
        List.of(dkim, spf).stream().filter(Alignment::aligned).map(Alignment::identifier).toList();
    CheckStatus status = aligned.isEmpty() ? CheckStatus.FAIL : CheckStatus.PASS;
    String detail = dkim.detail() + "; " + spf.detail();
    return new DnsCheck(DnsCheck.DMARC_ALIGNMENT, status, name, expected, aligned, detail);
  }

  private static DnsCheck guarded(
      String check, String name, String expected, Supplier<DnsCheck> lookup) {
    try {
      return lookup.get();
    } catch (DnsLookupException e) {
      return new DnsCheck(check, CheckStatus.ERROR, name, expected, List.of(), e.getMessage());
    }
  }

  /** One identifier's DMARC alignment (RFC 7489 section 3.1). */
  private record Alignment(String identifier, boolean aligned, String detail) {
    static Alignment of(
        String identifier, boolean strict, boolean authenticated, String domain, String from) {
      String tag = identifier.equals("dkim") ? "adkim" : "aspf";
      boolean matches =
          strict
              ? domain.equals(from)
              : DomainNames.organizational(domain).equals(DomainNames.organizational(from));
      if (!authenticated) {
        String why = identifier.equals("dkim") ? "DKIM CNAMEs" : "MAIL FROM MX and SPF";
        return new Alignment(
            identifier, false, identifier + " not authenticated: " + why + " not passing");
      }
      if (!matches) {
        String detail =
            "%s not aligned: %s=%s requires %s %s %s"
                .formatted(
                    identifier,
                    tag,
                    strict ? "s" : "r",
                    domain,
                    strict ? "=" : "in the organizational domain of",
                    from);
        return new Alignment(identifier, false, detail);
      }
      return new Alignment(
          identifier, true, identifier + " aligned (" + (strict ? "strict" : "relaxed") + ")");
    }
  }
}
