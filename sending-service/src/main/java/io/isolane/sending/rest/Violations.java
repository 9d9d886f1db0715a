package io.isolane.sending.rest;

import io.isolane.servicekit.rest.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Field errors of one request: malformed fields answer 400; fields that are well-formed but not
 * acceptable for this tenant (its mailboxes, times) answer 422 when nothing is malformed.
 */
final class Violations {
  private final List<Problem.FieldError> invalid = new ArrayList<>();
  private final List<Problem.FieldError> unacceptable = new ArrayList<>();

  void invalid(String field, String message) {
    invalid.add(new Problem.FieldError(field, message));
  }

  void unacceptable(String field, String message) {
    unacceptable.add(new Problem.FieldError(field, message));
  }

  /** Fails with every error found, if any. */
  void throwIfAny() {
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
