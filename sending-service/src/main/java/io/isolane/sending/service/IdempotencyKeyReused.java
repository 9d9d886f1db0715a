package io.isolane.sending.service;

/** The tenant used an Idempotency-Key before for a different request. */
public class IdempotencyKeyReused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IdempotencyKeyReused() {
    super("was already used for a different request", null, false, false);
  }
}
