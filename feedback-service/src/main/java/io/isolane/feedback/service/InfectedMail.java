package io.isolane.feedback.service;

/**
 * Inbound mail SES's virus scan failed: dead-lettered like any unusable SNS input, never forwarded,
 * and counted apart so that operators see it.
 */
public class InfectedMail extends RejectedSnsMessage {
  private static final long serialVersionUID = 1L;

  public InfectedMail(String reason) {
    super(reason);
  }
}
