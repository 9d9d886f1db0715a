package io.isolane.tenant.client;

/**
 * An SES call that failed after the SDK's own retries, in terms the service can act on without
 * touching the SDK.
 */
public class SesCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String operation;
  private final String code;
  private final int status;

  public SesCallException(String operation, String code, int status, String message) {
    super(operation + " failed: " + code + " (" + status + "): " + message);
    this.operation = operation;
    this.code = code;
    this.status = status;
  }

  public String operation() {
    return operation;
  }

  /**
   * SES's error code, e.g. {@code TooManyRequestsException}; {@code ClientError} when unreachable.
   */
  public String code() {
    return code;
  }

  /** HTTP status, 0 when SES was not reached. */
  public int status() {
    return status;
  }

  /** Worth trying again later: throttling, server errors and unreachable endpoints. */
  public boolean retryable() {
    return status == 0 || status == 429 || status >= 500;
  }
}
