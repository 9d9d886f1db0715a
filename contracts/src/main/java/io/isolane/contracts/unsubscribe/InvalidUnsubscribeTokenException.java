package io.isolane.contracts.unsubscribe;

/** A token that is malformed, signed with an unknown key or not signed by us. */
public final class InvalidUnsubscribeTokenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  InvalidUnsubscribeTokenException(String reason) {
    super(reason);
  }
}
