package io.isolane.tenant.service;

import io.isolane.tenant.DnsCheck;
import io.isolane.tenant.DomainVerification;
import io.isolane.tenant.client.DnsResolver;
import io.isolane.testkit.DnsTestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * A real DNS server on loopback for the domain verifier's tests (one per test class), holding the
 * records Isolane asks for before each test, with helpers to change them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DomainVerifierFixture {
  static final String REGION = "us-east-1";
  static final List<String> TOKENS =
      List.of(
          "4hst6bjzsq5yyqcf3fxdjl3irg2ngdzs",
          "dtyfm5skwkcnbfmw7v4w3dwdvukdz7jg",
          "ojtqlaoxkzfzwdymdgk2nrmbvunkfocl");
  static final String MAIL_FROM = "bounce.example.com";
  static final String SES_SPF =
      "v=spf1 ip4:199.255.192.0/22 ip4:199.127.232.0/22 ip4:54.240.0.0/18 ~all";
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  final DnsTestServer dns = DnsTestServer.start();
  final DomainVerifier verifier = verifierOn(dns.port(), Duration.ofSeconds(2));

  @AfterAll
  void stop() {
    dns.close();
  }

  @BeforeEach
  void publishWhatIsolaneAsksFor() {
    dns.clear();
    dns.add("amazonses.com", "TXT", SES_SPF);
    dns.add("_spf.google.com", "TXT", "v=spf1 ip4:35.190.247.0/24 ~all");
    dns.add(MAIL_FROM, "TXT", "google-site-verification=4Fq1c9"); // not SPF: ignored
    publish("example.com", MAIL_FROM);
  }

  DomainVerification verify() {
    return verifier.verify("example.com", TOKENS, MAIL_FROM, NOW);
  }

  DomainVerification verifySubdomain() {
    return verifier.verify("mail.example.com", TOKENS, "bounce.mail.example.com", NOW);
  }

  static DomainVerifier verifierOn(int port, Duration timeout) {
    return new DomainVerifier(new DnsResolver("127.0.0.1", port, timeout), REGION);
  }

  void publish(String domain, String mailFrom) {
    DnsRecords.forDomain(domain, TOKENS, mailFrom, REGION, "dmarc@example.com")
        .forEach(r -> dns.add(r.name(), r.type(), r.value()));
  }

  /** mail.example.com with MAIL FROM and SPF but no DKIM, and DMARC only at example.com. */
  void publishSubdomainWithoutDkim(String organizationalDmarc) {
    publish("mail.example.com", "bounce.mail.example.com");
    dns.remove("_dmarc.mail.example.com", "TXT");
    TOKENS.forEach(token -> dns.remove(token + "._domainkey.mail.example.com", "CNAME"));
    setDmarc("_dmarc.example.com", organizationalDmarc);
  }

  /**
   * 10 DNS-querying terms before the last record: 2 at the MAIL FROM domain, 3 in _spf1, 5 in _spf2
   * (a, mx, ptr, exists and its redirect), then whatever the last record adds.
   */
  void publishNestedSpf(String last) {
    dns.remove(MAIL_FROM, "TXT")
        .add(MAIL_FROM, "TXT", "v=spf1 include:amazonses.com include:_spf1.example.com ~all")
        .add("_spf1.example.com", "TXT", "v=spf1 a mx include:_spf2.example.com ?all")
        .add(
            "_spf2.example.com",
            "TXT",
            "v=spf1 a mx ptr exists:%{i}._ip.example.com redirect=_spf3.example.com")
        .add("_spf3.example.com", "TXT", last);
  }

  void setDmarc(String name, String record) {
    dns.remove(name, "TXT").add(name, "TXT", record);
  }

  static String dkimName(int token) {
    return TOKENS.get(token) + "._domainkey.example.com";
  }

  static DnsCheck check(DomainVerification verification, String name) {
    return verification.checks().stream()
        .filter(c -> c.check().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
