package io.isolane.tenant.rest;

/** The caller is known but may not do this. */
public class Forbidden extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public Forbidden(String message) {
    super(message);
  }
}
