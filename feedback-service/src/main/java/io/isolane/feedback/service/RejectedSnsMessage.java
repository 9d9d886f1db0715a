package io.isolane.feedback.service;

/** An SNS message we do not trust or cannot use, with the reason. */
public class RejectedSnsMessage extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RejectedSnsMessage(String reason) {
    super(reason);
  }
}
