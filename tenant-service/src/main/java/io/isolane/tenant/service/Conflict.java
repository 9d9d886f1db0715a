package io.isolane.tenant.service;

/** The request contradicts the current state, e.g. a taken id or a domain that is not ready. */
public class Conflict extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String type;

  public Conflict(String type, String message) {
    super(message);
    this.type = type;
  }

  /** Problem type slug, e.g. {@code tenant-exists}. */
  public String type() {
    return type;
  }
}
