package io.isolane.sending.rest;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mailbox addresses as the API takes them: a dot-atom local part (no quoted forms, no display
 * names, no whitespace) at a fully qualified domain, returned with the domain in lower-case A-label
 * form, within RFC 5321's lengths.
 */
final class AddressSyntax {
  private static final Pattern LOCAL =
      Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern TOP = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

  private AddressSyntax() {}

  /** The normalised address, or empty when it is not a valid one. */
  static Optional<String> normalise(String input) {
    if (input == null) {
      return Optional.empty();
    }
    int at = input.lastIndexOf('@');
    if (at <= 0 || at > 64 || at == input.length() - 1) {
      return Optional.empty();
    }
    String local = input.substring(0, at);
    Optional<String> domain = domain(input.substring(at + 1));
    if (!LOCAL.matcher(local).matches() || domain.isEmpty()) {
      return Optional.empty();
    }
    String address = local + "@" + domain.get();
    return address.length() <= 254 ? Optional.of(address) : Optional.empty();
  }

  private static Optional<String> domain(String input) {
    String ascii;
    try {
      ascii = IDN.toASCII(input, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String[] labels = ascii.split("\\.", -1);
    if (ascii.length() > 253 || labels.length < 2) {
      return Optional.empty();
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return Optional.empty();
      }
    }
    return TOP.matcher(labels[labels.length - 1]).matches() ? Optional.of(ascii) : Optional.empty();
  }
}
