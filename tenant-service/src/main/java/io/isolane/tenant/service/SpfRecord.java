package io.isolane.tenant.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SPF record parsed per RFC 7208 section 4.6: its directives in order and its redirect modifier.
 * Syntax errors are permerrors, thrown as {@link IllegalArgumentException} with the reason.
 *
 * @param directives mechanisms with their qualifiers, in evaluation order
 * @param redirect the redirect= domain, or null
 */
record SpfRecord(List<Directive> directives, String redirect) {
  private static final Set<String> DNS_MECHANISMS = Set.of("include", "a", "mx", "ptr", "exists");
  private static final String QUALIFIERS = "+-~?";
  private static final Pattern MODIFIER = Pattern.compile("([a-zA-Z][a-zA-Z0-9._-]*)=(.*)");
  private static final Pattern NAME_AND_ARGUMENTS = Pattern.compile("([a-zA-Z0-9]+)(.*)");
  private static final Pattern DUAL_CIDR =
      Pattern.compile("(?::([^/]+))?(?:/(\\d+))?(?://(\\d+))?");
  private static final Pattern IP4 = Pattern.compile(":(\\d{1,3}(?:\\.\\d{1,3}){3})(?:/(\\d+))?");
  private static final Pattern IP6 =
      Pattern.compile(":([0-9a-fA-F:.]*:[0-9a-fA-F:.]*)(?:/(\\d+))?");

  /**
   * A mechanism with its qualifier.
   *
   * @param term the term as published, for messages
   * @param qualifier one of + - ~ ?
   * @param mechanism lower-case mechanism name
   * @param target the domain-spec of include, exists, a, mx or ptr, lower case; null when absent
   */
  record Directive(String term, char qualifier, String mechanism, String target) {
    boolean passes() {
      return qualifier == '+';
    }

    /** Counts against the limit of 10 DNS-querying terms. */
    boolean queriesDns() {
      return DNS_MECHANISMS.contains(mechanism);
    }
  }

  /** The record is an SPF version 1 record (RFC 7208 section 4.5). */
  static boolean isSpf(String txt) {
    return txt.regionMatches(true, 0, "v=spf1", 0, 6)
        && (txt.length() == 6 || txt.charAt(6) == ' ');
  }

  /** Receivers ignore redirect when an all mechanism is present (RFC 7208 section 6.1). */
  boolean redirectApplies() {
    return redirect != null && directives.stream().noneMatch(d -> d.mechanism().equals("all"));
  }

  static SpfRecord parse(String txt) {
    List<Directive> directives = new ArrayList<>();
    String redirect = null;
    boolean exp = false;
    for (String term : txt.substring(6).strip().split(" +")) {
      Matcher modifier = MODIFIER.matcher(term);
      if (term.isEmpty()) {
        continue;
      } else if (modifier.matches()) {
        String name = modifier.group(1).toLowerCase(Locale.ROOT);
        String value = modifier.group(2);
        if (name.equals("redirect")) {
          requireOnce(term, redirect == null, value);
          redirect = domain(value);
        } else if (name.equals("exp")) {
          requireOnce(term, !exp, value);
          exp = true;
        } // unknown modifiers are ignored (RFC 7208 section 6)
      } else {
        directives.add(directive(term));
      }
    }
    return new SpfRecord(List.copyOf(directives), redirect);
  }

  private static Directive directive(String term) {
    boolean qualified = QUALIFIERS.indexOf(term.charAt(0)) >= 0;
    char qualifier = qualified ? term.charAt(0) : '+';
    Matcher parts = NAME_AND_ARGUMENTS.matcher(qualified ? term.substring(1) : term);
    if (!parts.matches()) {
      throw permerror("malformed term " + term);
    }
    String mechanism = parts.group(1).toLowerCase(Locale.ROOT);
    String arguments = parts.group(2);
    String target =
        switch (mechanism) {
          case "all" -> arguments.isEmpty() ? null : malformed(term);
          case "include", "exists" ->
              arguments.length() > 1 && arguments.startsWith(":")
                  ? domain(arguments.substring(1))
                  : malformed(term);
          case "ptr" ->
              arguments.isEmpty()
                  ? null
                  : arguments.startsWith(":") ? domain(arguments.substring(1)) : malformed(term);
          case "a", "mx" -> dualCidrTarget(term, arguments);
          case "ip4" -> checkNetwork(term, IP4.matcher(arguments), 32);
          case "ip6" -> checkNetwork(term, IP6.matcher(arguments), 128);
          default -> throw permerror("unknown mechanism " + term);
        };
    return new Directive(term, qualifier, mechanism, target);
  }

  private static void requireOnce(String term, boolean first, String value) {
    if (!first || value.isEmpty()) {
      throw permerror(term + ": redirect and exp take a domain and appear at most once");
    }
  }

  private static String dualCidrTarget(String term, String arguments) {
    Matcher cidr = DUAL_CIDR.matcher(arguments);
    if (!cidr.matches() || prefixTooLong(cidr.group(2), 32) || prefixTooLong(cidr.group(3), 128)) {
      return malformed(term);
    }
    return cidr.group(1) == null ? null : domain(cidr.group(1));
  }

  private static String checkNetwork(String term, Matcher network, int maxPrefix) {
    if (!network.matches() || prefixTooLong(network.group(2), maxPrefix)) {
      return malformed(term);
    }
    if (maxPrefix == 32) {
      for (String octet : network.group(1).split("\\.")) {
        if (Integer.parseInt(octet) > 255) {
          return malformed(term);
        }
      }
    }
    return null;
  }

  private static boolean prefixTooLong(String prefix, int max) {
    return prefix != null && (prefix.length() > 3 || Integer.parseInt(prefix) > max);
  }

  private static String domain(String spec) {
    String lower = spec.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  private static String malformed(String term) {
    throw permerror("malformed term " + term);
  }

  private static IllegalArgumentException permerror(String reason) {
    return new IllegalArgumentException("permerror: " + reason);
  }
}
