package io.isolane.tenant.service;

import static io.isolane.tenant.CheckStatus.ERROR;
import static io.isolane.tenant.CheckStatus.FAIL;
import static io.isolane.tenant.CheckStatus.MISSING;
import static io.isolane.tenant.CheckStatus.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.isolane.tenant.DnsCheck;
import io.isolane.tenant.DomainVerification;
import io.isolane.tenant.client.DnsResolver;
import io.isolane.testkit.DnsTestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every check against a real DNS server on loopback, starting from the records Isolane asks for.
 */
class DomainVerifierTest {
  private static final String REGION = "us-east-1";
  private static final List<String> TOKENS =
      List.of(
          "4hst6bjzsq5yyqcf3fxdjl3irg2ngdzs",
          "dtyfm5skwkcnbfmw7v4w3dwdvukdz7jg",
          "ojtqlaoxkzfzwdymdgk2nrmbvunkfocl");
  private static final String MAIL_FROM = "bounce.example.com";
  private static final String SES_SPF =
      "v=spf1 ip4:199.255.192.0/22 ip4:199.127.232.0/22 ip4:54.240.0.0/18 ~all";
  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  private static final DnsTestServer DNS = DnsTestServer.start();

  private final DomainVerifier verifier = verifierOn(DNS.port(), Duration.ofSeconds(2));

  @AfterAll
  static void stop() {
    DNS.close();
  }

  @BeforeEach
  void publishWhatIsolaneAsksFor() {
    DNS.clear();
    DNS.add("amazonses.com", "TXT", SES_SPF);
    DNS.add("_spf.google.com", "TXT", "v=spf1 ip4:35.190.247.0/24 ~all");
    DNS.add(MAIL_FROM, "TXT", "google-site-verification=4Fq1c9"); // not SPF: ignored
    publish("example.com", MAIL_FROM);
  }

  @Test
  void passesWhenEveryRecordIsPublished() {
    DomainVerification verification = verify();

    assertThat(verification.passed()).isTrue();
    assertThat(verification)
        .extracting(
            DomainVerification::dkimPublished,
            DomainVerification::mailFromPublished,
            DomainVerification::spfAuthorizesSes,
            DomainVerification::dmarcAligned)
        .containsOnly(true);
    assertThat(verification.checkedAt()).isEqualTo(NOW);
    assertThat(verification.checks())
        .extracting(DnsCheck::check, DnsCheck::status, DnsCheck::recordName, DnsCheck::detail)
        .containsExactly(
            tuple("dkim", PASS, dkimName(0), "points to Amazon SES"),
            tuple("dkim", PASS, dkimName(1), "points to Amazon SES"),
            tuple("dkim", PASS, dkimName(2), "points to Amazon SES"),
            tuple(
                "mail_from_mx",
                PASS,
                MAIL_FROM,
                "bounces reach feedback-smtp.us-east-1.amazonses.com"),
            tuple("spf", PASS, MAIL_FROM, "authorises Amazon SES with 1 of 10 DNS lookups"),
            tuple("dmarc", PASS, "_dmarc.example.com", "p=none, adkim=r, aspf=r, pct=100"),
            tuple(
                "dmarc_alignment",
                PASS,
                "_dmarc.example.com",
                "dkim aligned (relaxed); spf aligned (relaxed)"));
    assertThat(check(verification, "mail_from_mx").found())
        .containsExactly("10 feedback-smtp.us-east-1.amazonses.com");
    assertThat(check(verification, "spf").found())
        .containsExactly("v=spf1 include:amazonses.com ~all");
  }

  @Test
  void reverificationSeesRemovedRecords() {
    assertThat(verify().mailFromPublished()).isTrue();

    DNS.remove(MAIL_FROM, "MX");

    DomainVerification again = verify();
    assertThat(again.mailFromPublished()).isFalse();
    assertThat(check(again, "mail_from_mx").status()).isEqualTo(MISSING);
    assertThat(again.passed()).isFalse();
  }

  @Test
  void dkimReportsEachTokenAndSpfStillAligns() {
    DNS.remove(dkimName(1), "CNAME");

    DomainVerification verification = verify();

    assertThat(verification.checks().subList(0, 3))
        .extracting(DnsCheck::status)
        .containsExactly(PASS, MISSING, PASS);
    assertThat(verification.dkimPublished()).isFalse();
    assertThat(check(verification, "dmarc_alignment"))
        .extracting(DnsCheck::status, DnsCheck::found, DnsCheck::detail)
        .containsExactly(
            PASS,
            List.of("spf"),
            "dkim not authenticated: DKIM CNAMEs not passing; spf aligned (relaxed)");
  }

  @Test
  void dkimCnameToAnotherTokenFails() {
    DNS.remove(dkimName(0), "CNAME")
        .add(dkimName(0), "CNAME", TOKENS.get(1) + ".dkim.amazonses.com");

    DnsCheck dkim = verify().checks().get(0);

    assertThat(dkim.status()).isEqualTo(FAIL);
    assertThat(dkim.expected()).isEqualTo(TOKENS.get(0) + ".dkim.amazonses.com");
    assertThat(dkim.detail())
        .isEqualTo(
            "points to "
                + TOKENS.get(1)
                + ".dkim.amazonses.com, not "
                + TOKENS.get(0)
                + ".dkim.amazonses.com");
  }

  @Test
  void dkimWithoutTokensIsMissing() {
    DomainVerification verification = verifier.verify("example.com", List.of(), MAIL_FROM, NOW);

    assertThat(check(verification, "dkim"))
        .extracting(DnsCheck::status, DnsCheck::detail)
        .containsExactly(MISSING, "no DKIM tokens yet");
    assertThat(verification.dkimPublished()).isFalse();
    assertThat(verification.passed()).isFalse();
  }

  @Test
  void mxToAnotherHostFailsAndTakesSpfOutOfAlignment() {
    DNS.remove(MAIL_FROM, "MX").add(MAIL_FROM, "MX", "10 feedback-smtp.eu-west-1.amazonses.com");

    DomainVerification verification = verify();

    assertThat(check(verification, "mail_from_mx"))
        .extracting(DnsCheck::status, DnsCheck::detail)
        .containsExactly(
            FAIL,
            "MX feedback-smtp.eu-west-1.amazonses.com is not feedback-smtp.us-east-1.amazonses.com");
    assertThat(check(verification, "dmarc_alignment").detail())
        .isEqualTo(
            "dkim aligned (relaxed); spf not authenticated: MAIL FROM MX and SPF not passing");
  }

  @Test
  void spfMissingLeavesDkimAlignment() {
    DNS.remove(MAIL_FROM, "TXT");

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
    DNS.add("_open.example.com", "TXT", "v=spf1 include:amazonses.com all");
    DNS.remove(MAIL_FROM, "TXT").add(MAIL_FROM, "TXT", record);

    DnsCheck spf = check(verify(), "spf");

    assertThat(spf.status()).isEqualTo(FAIL);
    assertThat(spf.detail()).isEqualTo(detail);
  }

  @Test
  void twoSpfRecordsArePermerror() {
    DNS.add(MAIL_FROM, "TXT", "v=spf1 mx ~all");

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
    DNS.add("_spf.example.com", "TXT", "v=spf1 include:amazonses.com ~all");
    DNS.remove(MAIL_FROM, "TXT").add(MAIL_FROM, "TXT", record);

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
    DNS.add("_loop.example.com", "TXT", "v=spf1 include:_loop.example.com ?all");
    DNS.remove(MAIL_FROM, "TXT")
        .add(MAIL_FROM, "TXT", "v=spf1 include:amazonses.com include:_loop.example.com ~all");

    assertThat(check(verify(), "spf").detail())
        .isEqualTo("at least 11 DNS lookups, over the limit of 10 (RFC 7208 section 4.6.4)");
  }

  @Test
  void dmarcMissingFailsAlignment() {
    DNS.remove("_dmarc.example.com", "TXT");

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
    DNS.remove("_dmarc.example.com", "TXT").add("_dmarc.example.com", "TXT", record);

    DomainVerification verification = verify();

    assertThat(check(verification, "dmarc"))
        .extracting(DnsCheck::status, DnsCheck::detail, DnsCheck::found)
        .containsExactly(FAIL, detail, List.of(record));
    assertThat(verification.dmarcAligned()).isFalse();
  }

  @Test
  void twoDmarcRecordsFail() {
    DNS.add("_dmarc.example.com", "TXT", "v=DMARC1; p=reject");

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
    TOKENS.forEach(token -> DNS.remove(token + "._domainkey.example.com", "CNAME"));

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
    DNS.remove("_dmarc.example.com", "TXT");

    assertThat(check(verifySubdomain(), "dmarc"))
        .extracting(DnsCheck::status, DnsCheck::detail)
        .containsExactly(
            MISSING, "no v=DMARC1 TXT record at _dmarc.mail.example.com or _dmarc.example.com");
  }

  @Test
  void dnsFailuresBecomeErrorChecks() throws IOException {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0)) {
      closedPort = probe.getLocalPort();
    }
    DomainVerifier unreachable = verifierOn(closedPort, Duration.ofMillis(300));

    DomainVerification verification = unreachable.verify("example.com", TOKENS, MAIL_FROM, NOW);

    assertThat(verification.checks()).hasSize(7).allMatch(c -> c.status() == ERROR);
    assertThat(verification.checks()).allMatch(c -> !c.detail().isBlank());
    assertThat(check(verification, "spf").detail()).startsWith("bounce.example.com TXT: ");
    assertThat(verification.passed()).isFalse();
  }

  @Test
  void acceptsALabelsInAnyCaseAndRejectsULabels() {
    publish("xn--exmple-cua.com", "bounce.xn--exmple-cua.com");

    assertThat(
            verifier
                .verify("XN--Exmple-CUA.com.", TOKENS, "Bounce.xn--exmple-cua.com", NOW)
                .passed())
        .isTrue();
    assertThatThrownBy(() -> verifier.verify("exämple.com", TOKENS, "bounce.exämple.com", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a domain name in A-label form: exämple.com");
  }

  private DomainVerification verify() {
    return verifier.verify("example.com", TOKENS, MAIL_FROM, NOW);
  }

  private DomainVerification verifySubdomain() {
    return verifier.verify("mail.example.com", TOKENS, "bounce.mail.example.com", NOW);
  }

  private static DomainVerifier verifierOn(int port, Duration timeout) {
    return new DomainVerifier(new DnsResolver("127.0.0.1", port, timeout), REGION);
  }

  private static void publish(String domain, String mailFrom) {
    DnsRecords.forDomain(domain, TOKENS, mailFrom, REGION, "dmarc@example.com")
        .forEach(r -> DNS.add(r.name(), r.type(), r.value()));
  }

  /** mail.example.com with MAIL FROM and SPF but no DKIM, and DMARC only at example.com. */
  private static void publishSubdomainWithoutDkim(String organizationalDmarc) {
    publish("mail.example.com", "bounce.mail.example.com");
    DNS.remove("_dmarc.mail.example.com", "TXT");
    TOKENS.forEach(token -> DNS.remove(token + "._domainkey.mail.example.com", "CNAME"));
    setDmarc("_dmarc.example.com", organizationalDmarc);
  }

  /**
   * 10 DNS-querying terms before the last record: 2 at the MAIL FROM domain, 3 in _spf1, 5 in _spf2
   * (a, mx, ptr, exists and its redirect), then whatever the last record adds.
   */
  private static void publishNestedSpf(String last) {
    DNS.remove(MAIL_FROM, "TXT")
        .add(MAIL_FROM, "TXT", "v=spf1 include:amazonses.com include:_spf1.example.com ~all")
        .add("_spf1.example.com", "TXT", "v=spf1 a mx include:_spf2.example.com ?all")
        .add(
            "_spf2.example.com",
            "TXT",
            "v=spf1 a mx ptr exists:%{i}._ip.example.com redirect=_spf3.example.com")
        .add("_spf3.example.com", "TXT", last);
  }

  private static void setDmarc(String name, String record) {
    DNS.remove(name, "TXT").add(name, "TXT", record);
  }

  private static String dkimName(int token) {
    return TOKENS.get(token) + "._domainkey.example.com";
  }

  private static DnsCheck check(DomainVerification verification, String name) {
    return verification.checks().stream()
        .filter(c -> c.check().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
