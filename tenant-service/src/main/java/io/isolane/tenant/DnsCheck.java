package io.isolane.tenant;

import java.util.List;

/**
 * One check of a domain's DNS.
 *
 * @param check {@code dkim}, {@code mail_from_mx}, {@code spf}, {@code dmarc} or {@code
 *     dmarc_alignment}
 * @param status outcome
 * @param recordName the name queried
 * @param expected what should be published there
 * @param found what DNS answered
 * @param detail why it passed or failed, for the customer
 */
public record DnsCheck(
    String check,
    CheckStatus status,
    String recordName,
    String expected,
    List<String> found,
    String detail) {
  public static final String DKIM = "dkim";
  public static final String MAIL_FROM_MX = "mail_from_mx";
  public static final String SPF = "spf";
  public static final String DMARC = "dmarc";
  public static final String DMARC_ALIGNMENT = "dmarc_alignment";

  public DnsCheck {
    found = List.copyOf(found);
  }

  public boolean passed() {
    return status == CheckStatus.PASS;
  }
}
