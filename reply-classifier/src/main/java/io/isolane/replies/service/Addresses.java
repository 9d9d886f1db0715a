package io.isolane.replies.service;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Email addresses found in free text. */
public final class Addresses {
  /** A pragmatic address: local part, @, a dotted domain with a letter TLD. */
  public static final Pattern ADDRESS =
      Pattern.compile(
          "[A-Za-z0-9._%+\\-'=]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?\\.)+"
              + "[A-Za-z]{2,24}");

  private Addresses() {}

  /** True when the whole value is one address. */
  public static boolean isAddress(String value) {
    return value != null && ADDRESS.matcher(value).matches();
  }

  /** Every address in the text, lower case, in order of appearance, without repeats. */
  public static Set<String> in(String text) {
    Set<String> found = new LinkedHashSet<>();
    if (text == null) {
      return found;
    }
    Matcher matcher = ADDRESS.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group().toLowerCase(Locale.ROOT));
    }
    return found;
  }

  /** The address in a From-style header ("Ana <ana@example.org>"), lower case, or null. */
  public static String of(String header) {
    if (header == null) {
      return null;
    }
    int open = header.lastIndexOf('<');
    int close = header.lastIndexOf('>');
    String candidate = open >= 0 && close > open ? header.substring(open + 1, close) : header;
    Set<String> found = in(candidate);
    return found.isEmpty() ? null : found.iterator().next();
  }
}
