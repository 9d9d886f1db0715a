package io.isolane.tenant.service;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Syntax of what customers type: domain names (IDN accepted, kept as A-labels) and mailbox
 * addresses within RFC 5321's lengths.
 */
public final class Addresses {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern TLD = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");
  // dot-atom of RFC 5322 (no quoted local parts: receivers handle them poorly)
  private static final Pattern LOCAL =
      Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");

  private Addresses() {}

  /** The domain in lower-case A-label form, or {@link InvalidField}. */
  public static String domain(String field, String input) {
    String ascii;
    try {
      ascii = IDN.toASCII(input.strip(), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new InvalidField(field, "is not a valid domain name: " + e.getMessage());
    }
    if (ascii.endsWith(".")) {
      ascii = ascii.substring(0, ascii.length() - 1);
    }
    String[] labels = ascii.split("\\.", -1);
    if (ascii.length() > 253 || labels.length < 2) {
      throw new InvalidField(
          field, "must be a fully qualified domain name of at most 253 characters");
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        throw new InvalidField(field, "has an invalid label '" + label + "'");
      }
    }
    if (!TLD.matcher(labels[labels.length - 1]).matches()) {
      throw new InvalidField(field, "has an invalid top-level domain");
    }
    return ascii;
  }

  /** The address with its domain in A-label form, or {@link InvalidField}. */
  public static String mailbox(String field, String input) {
    String trimmed = input.strip();
    int at = trimmed.lastIndexOf('@');
    if (at <= 0 || at == trimmed.length() - 1) {
      throw new InvalidField(field, "must be an address like name@example.com");
    }
    String local = trimmed.substring(0, at);
    if (local.length() > 64 || !LOCAL.matcher(local).matches()) {
      throw new InvalidField(field, "has an invalid local part (at most 64 characters, dot-atom)");
    }
    String address = local + "@" + domain(field, trimmed.substring(at + 1));
    if (address.length() > 254) {
      throw new InvalidField(field, "is longer than 254 characters");
    }
    return address;
  }

  /** The domain part of a normalised address. */
  public static String domainOf(String address) {
    return address.substring(address.lastIndexOf('@') + 1);
  }
}
