package io.isolane.sessimulator;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the simulator "sees" in DNS when it verifies a domain: the Easy DKIM CNAMEs and the custom
 * MAIL FROM MX. By default every record a customer was asked to publish counts as published; a test
 * can instead publish records one by one to exercise pending and failed verification.
 */
public interface DnsView {

  /** Whether a record of {@code type} (CNAME, MX) at {@code name} holds {@code value}. */
  boolean has(String type, String name, String value);

  /** Every asked-for record is published: identities verify at once. */
  static DnsView everythingPublished() {
    return (type, name, value) -> true;
  }

  /** Only records added to the returned view are published. */
  static Records records() {
    return new Records();
  }

  /** A DNS view holding exactly the records published to it. */
  final class Records implements DnsView {
    private final Set<String> records = ConcurrentHashMap.newKeySet();

    /** Publishes a record. */
    public Records publish(String type, String name, String value) {
      records.add(key(type, name, value));
      return this;
    }

    /** Removes a record. */
    public Records remove(String type, String name, String value) {
      records.remove(key(type, name, value));
      return this;
    }

    @Override
    public boolean has(String type, String name, String value) {
      return records.contains(key(type, name, value));
    }

    private static String key(String type, String name, String value) {
      return type.toUpperCase(Locale.ROOT) + " " + normal(name) + " " + normal(value);
    }

    private static String normal(String name) {
      String lower = name.toLowerCase(Locale.ROOT);
      return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
  }
}
