package io.isolane.sessimulator.sending;

import io.isolane.sessimulator.web.SesException;
import java.util.Locale;

/** Email address handling: SES accepts {@code "Name <addr>"} and plain addresses. */
public final class Addresses {
  private Addresses() {}

  /** The bare, lower-case address of {@code "Name <addr@x>"} or {@code addr@x}. */
  public static String bare(String address) {
    String value = address.trim();
    int open = value.lastIndexOf('<');
    int close = value.lastIndexOf('>');
    if (open >= 0 && close > open) {
      value = value.substring(open + 1, close).trim();
    }
    int at = value.lastIndexOf('@');
    if (at <= 0 || at == value.length() - 1 || value.contains(" ")) {
      throw SesException.badRequest("Illegal address: " + address);
    }
    return value.toLowerCase(Locale.ROOT);
  }

  /** The domain part of a bare address. */
  public static String domain(String bare) {
    return bare.substring(bare.lastIndexOf('@') + 1);
  }

  /** The local part without a {@code +label}. */
  public static String localBase(String bare) {
    String local = bare.substring(0, bare.lastIndexOf('@'));
    int plus = local.indexOf('+');
    return plus < 0 ? local : local.substring(0, plus);
  }
}
