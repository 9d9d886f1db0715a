package io.isolane.tenant.service;

import static io.isolane.tenant.CheckStatus.FAIL;
import static io.isolane.tenant.CheckStatus.MISSING;
import static io.isolane.tenant.CheckStatus.PASS;
import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.tenant.DnsCheck;
import io.isolane.tenant.DomainVerification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SPF check of the MAIL FROM domain against a real DNS server: whether it authorises Amazon
 * SES, its syntax, and the limit of 10 DNS lookups (RFC 7208).
 */
class SpfCheckTest extends DomainVerifierFixture {
  @Test
  void spfMissingLeavesDkimAlignment() {
    dns.remove(MAIL_FROM, "TXT");

    DomainVerification verification = verify();

    assertThat(check(verification, "spf"))
        .extracting(DnsCheck::status, DnsCheck::detail)
        .containsExactly(MISSING, "no v=spf1 TXT record at bounce.example.com");
    assertThat(verification.spfAuthorizesSes()).isFalse();
    assertThat(verification.dmarcAligned()).isTrue();
    assertThat(verification.passed()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "v=spf1 include:_spf.google.com ~all | does not authorise Amazon SES (include:amazonses.com)",
        "v=spf1 -include:amazonses.com ~all | does not authorise Amazon SES (include:amazonses.com)",
        "v=spf1 -all include:amazonses.com | does not authorise Amazon SES (include:amazonses.com)",
        "v=spf1 include:amazonses.com +all | bounce.example.com: +all permits any sender",
        "v=spf1 include:amazonses.com all | bounce.example.com: all permits any sender",
        "v=spf1 include:_open.example.com -all | _open.example.com: all permits any sender",
        "v=spf1 include:amazonses.com ip4:300.1.2.3 ~all | bounce.example.com: permerror: malformed term ip4:300.1.2.3",
        "v=spf1 include:amazonses.com foo:bar ~all | bounce.example.com: permerror: unknown mechanism foo:bar",
        "v=spf1 include:amazonses.com redirect=a.example.com redirect=b.example.com | bounce.example.com: permerror: redirect=b.example.com: redirect and exp take a domain and appear at most once",
        "v=spf1 include:amazonses.com include:nothing.example.com ~all | permerror: nothing.example.com has no v=spf1 records",
      })
  void spfThatFails(String record, String detail) {
    dns.add("_open.example.com", "TXT", "v=spf1 include:amazonses.com all");
    dns.remove(MAIL_FROM, "TXT").add(MAIL_FROM, "TXT", record);

    DnsCheck spf = check(verify(), "spf");

    assertThat(spf.status()).isEqualTo(FAIL);
    assertThat(spf.detail()).isEqualTo(detail);
  }

  @Test
  void twoSpfRecordsArePermerror() {
    dns.add(MAIL_FROM, "TXT", "v=spf1 mx ~all");

    DnsCheck spf = check(verify(), "spf");

    assertThat(spf.status()).isEqualTo(FAIL);
    assertThat(spf.detail()).isEqualTo("permerror: 2 v=spf1 records; publish exactly one");
    assertThat(spf.found()).containsExactly("v=spf1 include:amazonses.com ~all", "v=spf1 mx ~all");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "v=spf1 include:_spf.example.com -all | 2",
        "v=spf1 redirect=_spf.example.com | 2",
        "V=SPF1 ip4:192.0.2.0/24 ip6:2001:db8::/32 a/24 mx:example.com/24//64 +include:amazonses.com exp=why.example.com x-note=1 ~all | 3",
      })
  void spfAuthorisesSesThroughNestingAndEverySyntax(String record, int lookups) {
    dns.add("_spf.example.com", "TXT", "v=spf1 include:amazonses.com ~all");
    dns.remove(MAIL_FROM, "TXT").add(MAIL_FROM, "TXT", record);

    DnsCheck spf = check(verify(), "spf");

    assertThat(spf.status()).isEqualTo(PASS);
    assertThat(spf.detail())
        .isEqualTo("authorises Amazon SES with " + lookups + " of 10 DNS lookups");
  }

  @Test
  void spfWithTenLookupsThroughIncludesAndRedirectPasses() {
    publishNestedSpf("v=spf1 ip4:192.0.2.0/24 -all");

    DnsCheck spf = check(verify(), "spf");

    assertThat(spf.status()).isEqualTo(PASS);
    assertThat(spf.detail()).isEqualTo("authorises Amazon SES with 10 of 10 DNS lookups");
  }

  @Test
  void spfWithElevenLookupsFails() {
    publishNestedSpf("v=spf1 a ip4:192.0.2.0/24 -all");

    DomainVerification verification = verify();

    assertThat(check(verification, "spf"))
        .extracting(DnsCheck::status, DnsCheck::detail)
        .containsExactly(FAIL, "11 DNS lookups, over the limit of 10 (RFC 7208 section 4.6.4)");
    assertThat(verification.spfAuthorizesSes()).isFalse();
  }

  @Test
  void spfIncludeLoopStopsAtTheLimit() {
    dns.add("_loop.example.com", "TXT", "v=spf1 include:_loop.example.com ?all");
    dns.remove(MAIL_FROM, "TXT")
        .add(MAIL_FROM, "TXT", "v=spf1 include:amazonses.com include:_loop.example.com ~all");

    assertThat(check(verify(), "spf").detail())
        .isEqualTo("at least 11 DNS lookups, over the limit of 10 (RFC 7208 section 4.6.4)");
  }
}
