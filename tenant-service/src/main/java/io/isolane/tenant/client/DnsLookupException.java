package io.isolane.tenant.client;

/** A DNS query that got no usable answer: timeout, SERVFAIL, REFUSED or an I/O failure. */
public class DnsLookupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DnsLookupException(String message) {
    super(message);
  }

  public DnsLookupException(String message, Throwable cause) {
    super(message, cause);
  }
}
