package io.isolane.contracts;

/**
 * An event a producer cannot publish: its payload breaks its own schema, cannot be serialised or
 * read back, or names no known type. A producer bug, never a passing fault: retrying cannot help.
 */
public class UnpublishableEventException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public UnpublishableEventException(String reason) {
    super(reason);
  }

  public UnpublishableEventException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
