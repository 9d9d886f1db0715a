package io.isolane.tenant.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/** Domain names as DNS verification handles them: lower-case A-labels, no trailing dot. */
final class DomainNames {
  // LDH labels plus '_' for service names such as _dmarc and _domainkey; IDNs arrive as xn--
  // A-labels
  private static final Pattern LABEL = Pattern.compile("[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?");

  private DomainNames() {}

  /**
   * Lower-cases and drops the trailing dot; rejects anything that is not A-labels (e.g. U-labels).
   */
  static String normalize(String name) {
    String lower = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    if (lower.endsWith(".")) {
      lower = lower.substring(0, lower.length() - 1);
    }
    boolean valid =
        !lower.isEmpty()
            && lower.length() <= 253
            && Arrays.stream(lower.split("\\.", -1)).allMatch(l -> LABEL.matcher(l).matches());
    if (!valid) {
      throw new IllegalArgumentException("not a domain name in A-label form: " + name);
    }
    return lower;
  }

  /**
   * The organizational domain, simplified to the last two labels: no Public Suffix List, so a
   * domain under a multi-label suffix such as co.uk gets the suffix itself. Customers there are
   * told to publish DMARC at their own domain, which is always looked up first.
   */
  static String organizational(String domain) {
    int last = domain.lastIndexOf('.');
    int secondLast = last < 0 ? -1 : domain.lastIndexOf('.', last - 1);
    return domain.substring(secondLast + 1);
  }
}
