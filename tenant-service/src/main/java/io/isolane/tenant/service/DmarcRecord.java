package io.isolane.tenant.service;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A DMARC record parsed per RFC 7489 section 6.3; invalid records throw {@link
 * IllegalArgumentException} with the reason.
 *
 * @param policy p: none, quarantine or reject
 * @param subdomainPolicy sp, or null when subdomains follow p
 * @param strictDkim adkim=s (default relaxed)
 * @param strictSpf aspf=s (default relaxed)
 * @param percent pct, 0 to 100 (default 100)
 * @param rua aggregate report URIs as published, or null
 */
record DmarcRecord(
    String policy,
    String subdomainPolicy,
    boolean strictDkim,
    boolean strictSpf,
    int percent,
    String rua) {
  private static final Set<String> POLICIES = Set.of("none", "quarantine", "reject");
  private static final Pattern VERSION_TAG = Pattern.compile("(?is)\\s*v\\s*=\\s*DMARC.*");
  private static final Pattern PERCENT = Pattern.compile("\\d{1,3}");

  /** Looks like a DMARC record of any version, so that a wrong version is reported, not ignored. */
  static boolean isDmarc(String txt) {
    return VERSION_TAG.matcher(txt).matches();
  }

  static DmarcRecord parse(String txt) {
    Map<String, String> tags = tags(txt);
    if (!"DMARC1".equals(tags.get("v")) || !tags.keySet().iterator().next().equals("v")) {
      throw new IllegalArgumentException(
          "the first tag must be v=DMARC1"
              + (tags.containsKey("v") ? ", not v=" + tags.get("v") : ""));
    }
    String policy = policy(tags, "p");
    if (policy == null) {
      throw new IllegalArgumentException("p= is required (none, quarantine or reject)");
    }
    String pct = tags.getOrDefault("pct", "100");
    if (!PERCENT.matcher(pct).matches() || Integer.parseInt(pct) > 100) {
      throw new IllegalArgumentException("pct=" + pct + " is not 0 to 100");
    }
    return new DmarcRecord(
        policy,
        policy(tags, "sp"),
        strict(tags, "adkim"),
        strict(tags, "aspf"),
        Integer.parseInt(pct),
        tags.get("rua"));
  }

  /** The policy a receiver applies to mail from a subdomain of the record's domain. */
  String policyForSubdomains() {
    return subdomainPolicy == null ? policy : subdomainPolicy;
  }

  String describe() {
    return "p=%s, adkim=%s, aspf=%s, pct=%d"
        .formatted(policy, strictDkim ? "s" : "r", strictSpf ? "s" : "r", percent);
  }

  private static Map<String, String> tags(String txt) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (String tag : txt.split(";")) {
      if (tag.isBlank()) {
        continue;
      }
      int equals = tag.indexOf('=');
      String name = equals < 0 ? "" : tag.substring(0, equals).strip().toLowerCase(Locale.ROOT);
      if (name.isEmpty() || tags.put(name, tag.substring(equals + 1).strip()) != null) {
        throw new IllegalArgumentException("malformed or repeated tag: " + tag.strip());
      }
    }
    return tags;
  }

  private static String policy(Map<String, String> tags, String tag) {
    String value = tags.get(tag);
    if (value != null && !POLICIES.contains(value.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(tag + "=" + value + " is not none, quarantine or reject");
    }
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }

  private static boolean strict(Map<String, String> tags, String tag) {
    String value = tags.getOrDefault(tag, "r").toLowerCase(Locale.ROOT);
    if (!value.equals("r") && !value.equals("s")) {
      throw new IllegalArgumentException(tag + "=" + value + " is not r or s");
    }
    return value.equals("s");
  }
}
