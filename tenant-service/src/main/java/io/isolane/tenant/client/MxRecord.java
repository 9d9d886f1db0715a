package io.isolane.tenant.client;

/**
 * One MX record.
 *
 * @param priority preference, lower first
 * @param host mail exchanger, lower case, without the trailing dot
 */
public record MxRecord(int priority, String host) {
  @Override
  public String toString() {
    return priority + " " + host;
  }
}
