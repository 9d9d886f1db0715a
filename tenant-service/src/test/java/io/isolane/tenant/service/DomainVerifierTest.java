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
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every check against a real DNS server on loopback, starting from the records Isolane asks for:
 * the whole verification, DKIM, MAIL FROM, DNS failures and domain names. SPF and DMARC have their
 * own classes.
 */
class DomainVerifierTest extends DomainVerifierFixture {
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

    dns.remove(MAIL_FROM, "MX");

    DomainVerification again = verify();
    assertThat(again.mailFromPublished()).isFalse();
    assertThat(check(again, "mail_from_mx").status()).isEqualTo(MISSING);
    assertThat(again.passed()).isFalse();
  }

  @Test
  void dkimReportsEachTokenAndSpfStillAligns() {
    dns.remove(dkimName(1), "CNAME");

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
    dns.remove(dkimName(0), "CNAME")
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
    dns.remove(MAIL_FROM, "MX").add(MAIL_FROM, "MX", "10 feedback-smtp.eu-west-1.amazonses.com");

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
}
