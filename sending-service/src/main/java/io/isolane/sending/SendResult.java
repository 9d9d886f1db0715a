package io.isolane.sending;

/** What came of one SES SendEmail call. */
public sealed interface SendResult {

  /** SES accepted the message. */
  record Sent(String sesMessageId) implements SendResult {}

  /** The account's sending rate was exceeded: try again later, nothing was sent. */
  record Throttled(String detail) implements SendResult {}

  /** The tenant or configuration set is paused in SES: park the tenant. */
  record Paused(String detail) implements SendResult {}

  /** SES refused this message for good (e.g. MessageRejected): fail it with SES's error. */
  record Rejected(String code, String detail) implements SendResult {}

  /** SES answered with a server error before accepting anything: safe to try again. */
  record Retryable(String code, String detail) implements SendResult {}

  /** No answer (timeout, connection lost mid-call): SES may or may not have sent it. */
  record Unknown(String detail) implements SendResult {}
}
