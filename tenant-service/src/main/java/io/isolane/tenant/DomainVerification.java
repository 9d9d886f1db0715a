package io.isolane.tenant;

import java.time.Instant;
import java.util.List;

/**
 * The DNS verification of a sending domain.
 *
 * @param checks every check, in order: dkim (one per token), mail_from_mx, spf, dmarc,
 *     dmarc_alignment
 * @param dkimPublished every Easy DKIM CNAME points to SES
 * @param mailFromPublished the MAIL FROM domain's MX points to SES's feedback endpoint
 * @param spfAuthorizesSes the MAIL FROM domain's SPF record authorises SES within 10 lookups
 * @param dmarcAligned a valid DMARC record and at least one authenticated, aligned identifier
 * @param checkedAt when DNS was queried
 */
public record DomainVerification(
    List<DnsCheck> checks,
    boolean dkimPublished,
    boolean mailFromPublished,
    boolean spfAuthorizesSes,
    boolean dmarcAligned,
    Instant checkedAt) {
  public DomainVerification {
    checks = List.copyOf(checks);
  }

  /** Every check passed. */
  public boolean passed() {
    return !checks.isEmpty() && checks.stream().allMatch(DnsCheck::passed);
  }
}
