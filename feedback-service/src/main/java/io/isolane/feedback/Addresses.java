package io.isolane.feedback;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Email addresses as the suppression list keeps them: validated and lower-cased. */
public final class Addresses {
  // pragmatic RFC 5321 shape: dot-atom local part, a domain of at least two labels
  private static final Pattern ADDRESS =
      Pattern.compile(
          "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9-]{2,63}");

  private Addresses() {}

  /** The address lower-cased, or why it is not one. */
  public static Optional<String> problem(String address) {
    if (address == null || address.isBlank()) {
      return Optional.of("is required");
    }
    if (address.length() > 254) {
      return Optional.of("is longer than 254 characters");
    }
    if (address.indexOf('@') > 64) {
      return Optional.of("has a local part longer than 64 characters");
    }
    return ADDRESS.matcher(address).matches()
        ? Optional.empty()
        : Optional.of("is not an email address (local@domain.tld)");
  }

  /** The form the list keys on. */
  public static String normalize(String address) {
    return address.trim().toLowerCase(Locale.ROOT);
  }
}
