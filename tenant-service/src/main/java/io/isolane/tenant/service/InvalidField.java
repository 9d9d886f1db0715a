package io.isolane.tenant.service;

/** A request field the service rejects after bean validation, e.g. a domain that is not one. */
public class InvalidField extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public InvalidField(String field, String message) {
    super(message);
    this.field = field;
  }

  /** JSON path of the field in the request body. */
  public String field() {
    return field;
  }
}
