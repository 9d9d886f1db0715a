package io.isolane.tenant.service;

import io.isolane.tenant.CheckStatus;
import io.isolane.tenant.DnsCheck;
import io.isolane.tenant.client.DnsLookupException;
import io.isolane.tenant.client.DnsResolver;
import java.util.List;
import java.util.Optional;

/**
 * Finds and validates the DMARC record of a From domain: at {@code _dmarc.<domain>}, else at the
 * organizational domain (RFC 7489 section 6.6.3; simplified to the last two labels, see {@link
 * DomainNames#organizational}), whose policy then applies through sp=.
 */
final class DmarcCheck {
  static final String EXPECTED = "v=DMARC1; p=none|quarantine|reject";

  private final DnsResolver dns;

  DmarcCheck(DnsResolver dns) {
    this.dns = dns;
  }

  /**
   * The check, and the record that applies when it passed.
   *
   * @param check the dmarc check
   * @param record the valid record, empty unless the check passed
   */
  record Result(DnsCheck check, Optional<DmarcRecord> record) {}

  Result check(String domain) {
    String name = DnsRecords.dmarcName(domain);
    try {
      List<String> found = dmarcRecords(name);
      String organizational = DomainNames.organizational(domain);
      if (!found.isEmpty() || organizational.equals(domain)) {
        return evaluate(name, found, "");
      }
      String inheritedName = DnsRecords.dmarcName(organizational);
      List<String> inherited = dmarcRecords(inheritedName);
      return inherited.isEmpty()
          ? failed(
              CheckStatus.MISSING,
              name,
              inherited,
              "no v=DMARC1 TXT record at " + name + " or " + inheritedName)
          : evaluate(inheritedName, inherited, "; inherited from " + organizational);
    } catch (DnsLookupException e) {
      return failed(CheckStatus.ERROR, name, List.of(), e.getMessage());
    }
  }

  private static Result evaluate(String name, List<String> found, String inheritance) {
    if (found.isEmpty()) {
      return failed(CheckStatus.MISSING, name, found, "no v=DMARC1 TXT record at " + name);
    }
    if (found.size() > 1) {
      String detail = found.size() + " DMARC records at " + name + "; receivers ignore them all";
      return failed(CheckStatus.FAIL, name, found, detail);
    }
    DmarcRecord record;
    try {
      record = DmarcRecord.parse(found.get(0));
    } catch (IllegalArgumentException e) {
      return failed(CheckStatus.FAIL, name, found, e.getMessage());
    }
    String detail =
        inheritance.isEmpty()
            ? record.describe()
            : record.describe()
                + inheritance
                + ", subdomain policy "
                + record.policyForSubdomains();
    return new Result(
        new DnsCheck(DnsCheck.DMARC, CheckStatus.PASS, name, EXPECTED, found, detail),
        Optional.of(record));
  }

  private List<String> dmarcRecords(String name) {
    return dns.txt(name).stream().filter(DmarcRecord::isDmarc).toList();
  }

  private static Result failed(CheckStatus status, String name, List<String> found, String detail) {
    return new Result(
        new DnsCheck(DnsCheck.DMARC, status, name, EXPECTED, found, detail), Optional.empty());
  }
}
