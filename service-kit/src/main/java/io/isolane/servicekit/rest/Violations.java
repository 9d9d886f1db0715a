package io.isolane.servicekit.rest;

import java.util.ArrayList;
import java.util.List;

/**
 * Field errors of one request of a tenant API: malformed fields answer 400; fields that are
 * well-formed but not acceptable for this tenant (its mailboxes, plans, times) answer 422 when
 * nothing is malformed.
 */
public final class Violations {
  private final List<Problem.FieldError> invalid = new ArrayList<>();
  private final List<Problem.FieldError> unacceptable = new ArrayList<>();

  /** A malformed field (400). */
  public void invalid(String field, String message) {
    invalid.add(new Problem.FieldError(field, message));
  }

  /** A well-formed field this tenant cannot use (422). */
  public void unacceptable(String field, String message) {
    unacceptable.add(new Problem.FieldError(field, message));
  }

  /** Fails with every error found, if any. */
  public void throwIfAny() {
    if (!invalid.isEmpty()) {
      List<Problem.FieldError> all = new ArrayList<>(invalid);
      all.addAll(unacceptable);
      throw Problem.invalid(all).failure();
    }
    if (!unacceptable.isEmpty()) {
      throw Problem.unprocessable(unacceptable).failure();
    }
  }
}
