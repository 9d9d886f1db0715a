package io.isolane.replies.service;

import io.isolane.contracts.RejectedEventException;

/**
 * Input that cannot be classified: too large, or not an RFC 5322 message at all. A rejection, so
 * the consumer dead-letters the record with this reason instead of retrying it.
 */
public class UnreadableMailException extends RejectedEventException {
  private static final long serialVersionUID = 1L;

  public UnreadableMailException(String reason) {
    super(reason);
  }
}
