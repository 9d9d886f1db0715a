package io.isolane.tenant.service;

/** A tenant with this id already exists. */
public class TenantExistsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TenantExistsException(String id) {
    super("tenant " + id + " already exists");
  }
}
