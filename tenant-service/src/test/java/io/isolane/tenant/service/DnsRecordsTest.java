package io.isolane.tenant.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.isolane.tenant.DnsRecord;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DnsRecordsTest {
  private static final List<String> TOKENS =
      List.of(
          "4hst6bjzsq5yyqcf3fxdjl3irg2ngdzs",
          "dtyfm5skwkcnbfmw7v4w3dwdvukdz7jg",
          "ojtqlaoxkzfzwdymdgk2nrmbvunkfocl");

  @Test
  void listsTheRecordsSesDocumentsPlusDmarc() {
    List<DnsRecord> records =
        DnsRecords.forDomain(
            "example.com", TOKENS, "bounce.example.com", "us-east-1", "dmarc@example.com");

    assertThat(records)
        .containsExactly(
            new DnsRecord(
                "CNAME",
                "4hst6bjzsq5yyqcf3fxdjl3irg2ngdzs._domainkey.example.com",
                "4hst6bjzsq5yyqcf3fxdjl3irg2ngdzs.dkim.amazonses.com"),
            new DnsRecord(
                "CNAME",
                "dtyfm5skwkcnbfmw7v4w3dwdvukdz7jg._domainkey.example.com",
                "dtyfm5skwkcnbfmw7v4w3dwdvukdz7jg.dkim.amazonses.com"),
            new DnsRecord(
                "CNAME",
                "ojtqlaoxkzfzwdymdgk2nrmbvunkfocl._domainkey.example.com",
                "ojtqlaoxkzfzwdymdgk2nrmbvunkfocl.dkim.amazonses.com"),
            new DnsRecord("MX", "bounce.example.com", "10 feedback-smtp.us-east-1.amazonses.com"),
            new DnsRecord("TXT", "bounce.example.com", "v=spf1 include:amazonses.com ~all"),
            new DnsRecord(
                "TXT", "_dmarc.example.com", "v=DMARC1; p=none; rua=mailto:dmarc@example.com"));
  }

  @Test
  void writesNamesAsLowerCaseALabelsWithoutTrailingDot() {
    List<DnsRecord> records =
        DnsRecords.forDomain(
            "XN--Exmple-CUA.com.",
            List.of("Tok1"),
            "Bounce.xn--exmple-cua.COM",
            "eu-west-1",
            "dmarc@example.com");

    assertThat(records)
        .extracting(DnsRecord::name, DnsRecord::value)
        .containsExactly(
            tuple("tok1._domainkey.xn--exmple-cua.com", "tok1.dkim.amazonses.com"),
            tuple("bounce.xn--exmple-cua.com", "10 feedback-smtp.eu-west-1.amazonses.com"),
            tuple("bounce.xn--exmple-cua.com", "v=spf1 include:amazonses.com ~all"),
            tuple("_dmarc.xn--exmple-cua.com", "v=DMARC1; p=none; rua=mailto:dmarc@example.com"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "exämple.com | bounce.example.com | us-east-1 | d@example.com | not a domain name in A-label form: exämple.com",
        "example.com | bounce.example.net | us-east-1 | d@example.com | MAIL FROM domain bounce.example.net must be a subdomain of example.com",
        "example.com | example.com | us-east-1 | d@example.com | MAIL FROM domain example.com must be a subdomain of example.com",
        "example.com | bounce.example.com | us_east_1 | d@example.com | not an AWS region: us_east_1",
        "example.com | bounce.example.com | us-east-1 | d;x@example.com | not a DMARC report address: d;x@example.com",
        "example.com | bounce.example.com | us-east-1 | example.com | not a DMARC report address: example.com",
      })
  void rejectsWhatCannotBePublished(
      String domain, String mailFrom, String region, String rua, String message) {
    assertThatThrownBy(() -> DnsRecords.forDomain(domain, TOKENS, mailFrom, region, rua))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
