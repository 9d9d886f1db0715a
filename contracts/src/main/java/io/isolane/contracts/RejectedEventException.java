package io.isolane.contracts;

/**
 * A record that is not a valid contract event. Consumers let it propagate so the record goes to
 * their dead-letter topic with this message as the reason; it is never retried.
 */
public class RejectedEventException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RejectedEventException(String reason) {
    super(reason);
  }

  public RejectedEventException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
