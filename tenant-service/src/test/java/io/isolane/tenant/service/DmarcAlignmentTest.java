package io.isolane.tenant.service;

import static io.isolane.tenant.CheckStatus.FAIL;
import static io.isolane.tenant.CheckStatus.MISSING;
import static io.isolane.tenant.CheckStatus.PASS;
import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.tenant.DnsCheck;
import io.isolane.tenant.DomainVerification;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The DMARC record and alignment (RFC 7489) against a real DNS server: missing or invalid records,
 * strict and relaxed alignment, and subdomains inheriting the organizational record.
 */
class DmarcAlignmentTest extends DomainVerifierFixture {
  @Test
  void dmarcMissingFailsAlignment() {
    dns.remove("_dmarc.example.com", "TXT");

    DomainVerification verification = verify();

    assertThat(check(verification, "dmarc"))
        .extracting(DnsCheck::status, DnsCheck::detail)
        .containsExactly(MISSING, "no v=DMARC1 TXT record at _dmarc.example.com");
    assertThat(check(verification, "dmarc_alignment"))
        .extracting(DnsCheck::status, DnsCheck::detail)
        .containsExactly(FAIL, "no valid DMARC record");
    assertThat(verification.dmarcAligned()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "v=DMARC1; p=bogus | p=bogus is not none, quarantine or reject",
        "v=DMARC2; p=none | the first tag must be v=DMARC1, not v=DMARC2",
        "v=DMARC1; rua=mailto:d@example.com | p= is required (none, quarantine or reject)",
        "v=DMARC1; p=reject; adkim=x | adkim=x is not r or s",
        "v=DMARC1; p=reject; pct=150 | pct=150 is not 0 to 100",
        "v=DMARC1; p=none; p=reject | malformed or repeated tag: p=reject",
      })
  void invalidDmarcFails(String record, String detail) {
    dns.remove("_dmarc.example.com", "TXT").add("_dmarc.example.com", "TXT", record);

    DomainVerification verification = verify();

    assertThat(check(verification, "dmarc"))
        .extracting(DnsCheck::status, DnsCheck::detail, DnsCheck::found)
        .containsExactly(FAIL, detail, List.of(record));
    assertThat(verification.dmarcAligned()).isFalse();
  }

  @Test
  void twoDmarcRecordsFail() {
    dns.add("_dmarc.example.com", "TXT", "v=DMARC1; p=reject");

    assertThat(check(verify(), "dmarc"))
        .extracting(DnsCheck::status, DnsCheck::detail)
        .containsExactly(FAIL, "2 DMARC records at _dmarc.example.com; receivers ignore them all");
  }

  @Test
  void strictSpfAlignmentStillPassesThroughDkim() {
    setDmarc("_dmarc.example.com", "v=DMARC1; p=quarantine; adkim=s; aspf=s; pct=50");

    DomainVerification verification = verify();

    assertThat(check(verification, "dmarc").detail())
        .isEqualTo("p=quarantine, adkim=s, aspf=s, pct=50");
    assertThat(check(verification, "dmarc_alignment"))
        .extracting(DnsCheck::status, DnsCheck::found, DnsCheck::detail)
        .containsExactly(
            PASS,
            List.of("dkim"),
            "dkim aligned (strict); spf not aligned: aspf=s requires bounce.example.com = example.com");
  }

  @Test
  void strictSpfAlignmentWithoutDkimFails() {
    setDmarc("_dmarc.example.com", "v=DMARC1; p=reject; aspf=s");
    TOKENS.forEach(token -> dns.remove(token + "._domainkey.example.com", "CNAME"));

    DomainVerification verification = verify();

    assertThat(check(verification, "dmarc_alignment"))
        .extracting(DnsCheck::status, DnsCheck::found, DnsCheck::detail)
        .containsExactly(
            FAIL,
            List.of(),
            "dkim not authenticated: DKIM CNAMEs not passing; "
                + "spf not aligned: aspf=s requires bounce.example.com = example.com");
    assertThat(verification.dmarcAligned()).isFalse();
  }

  @Test
  void subdomainInheritsTheOrganizationalRecordAndItsStrictMode() {
    publishSubdomainWithoutDkim("v=DMARC1; p=reject; aspf=s");

    DomainVerification verification = verifySubdomain();

    assertThat(check(verification, "dmarc"))
        .extracting(DnsCheck::status, DnsCheck::recordName, DnsCheck::detail)
        .containsExactly(
            PASS,
            "_dmarc.example.com",
            "p=reject, adkim=r, aspf=s, pct=100; inherited from example.com, subdomain policy reject");
    assertThat(check(verification, "dmarc_alignment"))
        .extracting(DnsCheck::status, DnsCheck::detail)
        .containsExactly(
            FAIL,
            "dkim not authenticated: DKIM CNAMEs not passing; "
                + "spf not aligned: aspf=s requires bounce.mail.example.com = mail.example.com");
  }

  @Test
  void subdomainAlignsRelaxedThroughTheOrganizationalDomain() {
    publishSubdomainWithoutDkim("v=DMARC1; p=reject; sp=quarantine");

    DomainVerification verification = verifySubdomain();

    assertThat(check(verification, "dmarc").detail()).endsWith("subdomain policy quarantine");
    assertThat(check(verification, "dmarc_alignment"))
        .extracting(DnsCheck::status, DnsCheck::detail)
        .containsExactly(
            PASS, "dkim not authenticated: DKIM CNAMEs not passing; spf aligned (relaxed)");
  }

  @Test
  void subdomainWithoutAnyDmarcRecordNamesBothPlaces() {
    publishSubdomainWithoutDkim("v=DMARC1; p=reject");
    dns.remove("_dmarc.example.com", "TXT");

    assertThat(check(verifySubdomain(), "dmarc"))
        .extracting(DnsCheck::status, DnsCheck::detail)
        .containsExactly(
            MISSING, "no v=DMARC1 TXT record at _dmarc.mail.example.com or _dmarc.example.com");
  }
}
