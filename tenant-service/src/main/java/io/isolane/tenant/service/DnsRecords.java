package io.isolane.tenant.service;

import io.isolane.tenant.DnsRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The DNS records a customer publishes for a sending domain, in the forms the Amazon SES Developer
 * Guide documents: Easy DKIM CNAMEs, the custom MAIL FROM MX and SPF records, and a DMARC record
 * starting at p=none so that reports arrive before any policy is enforced.
 */
public final class DnsRecords {
  static final String SES_SPF_DOMAIN = "amazonses.com";
  static final String SES_SPF = "v=spf1 include:" + SES_SPF_DOMAIN + " ~all";
  static final int FEEDBACK_PRIORITY = 10;
  // a DMARC URI must not carry the tag-list separators ';' ',' or the size suffix '!'
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
  private static final Pattern RUA = Pattern.compile("[^\\s;,!@]+@[^\\s;,!@]+");

  private DnsRecords() {}

  /**
   * Every record, names and values lower-case A-labels without trailing dots.
   *
   * @param domain the SES domain identity
   * @param dkimTokens SES's Easy DKIM tokens
   * @param mailFromDomain custom MAIL FROM domain, a subdomain of {@code domain}
   * @param region SES region, e.g. us-east-1
   * @param dmarcRua address that receives DMARC aggregate reports
   */
  public static List<DnsRecord> forDomain(
      String domain,
      List<String> dkimTokens,
      String mailFromDomain,
      String region,
      String dmarcRua) {
    String identity = DomainNames.normalize(domain);
    String mailFrom = DomainNames.normalize(mailFromDomain);
    if (!mailFrom.endsWith("." + identity)) {
      throw new IllegalArgumentException(
          "MAIL FROM domain " + mailFrom + " must be a subdomain of " + identity);
    }
    if (dmarcRua == null || !RUA.matcher(dmarcRua).matches()) {
      throw new IllegalArgumentException("not a DMARC report address: " + dmarcRua);
    }
    List<DnsRecord> records = new ArrayList<>();
    for (String token : dkimTokens) {
      records.add(new DnsRecord("CNAME", dkimName(token, identity), dkimTarget(token)));
    }
    records.add(new DnsRecord("MX", mailFrom, FEEDBACK_PRIORITY + " " + feedbackHost(region)));
    records.add(new DnsRecord("TXT", mailFrom, SES_SPF));
    records.add(
        new DnsRecord("TXT", dmarcName(identity), "v=DMARC1; p=none; rua=mailto:" + dmarcRua));
    return List.copyOf(records);
  }

  static String dkimName(String token, String domain) {
    return DomainNames.normalize(token + "._domainkey." + domain);
  }

  static String dkimTarget(String token) {
    return DomainNames.normalize(token + ".dkim.amazonses.com");
  }

  static String feedbackHost(String region) {
    if (region == null || !REGION.matcher(region).matches()) {
      throw new IllegalArgumentException("not an AWS region: " + region);
    }
    return "feedback-smtp." + region + ".amazonses.com";
  }

  static String dmarcName(String domain) {
    return "_dmarc." + domain;
  }
}
