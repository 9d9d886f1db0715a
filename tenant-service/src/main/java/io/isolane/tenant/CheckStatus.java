package io.isolane.tenant;

/** Outcome of one DNS check. */
public enum CheckStatus {
  /** The record is published and correct. */
  PASS,
  /** A record is published but wrong. */
  FAIL,
  /** No record is published. */
  MISSING,
  /** DNS did not answer (timeout, SERVFAIL): nothing is known about the record. */
  ERROR
}
