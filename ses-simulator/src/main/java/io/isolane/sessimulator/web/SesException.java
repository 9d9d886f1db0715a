package io.isolane.sessimulator.web;

/**
 * An error as SES v2 reports it: an HTTP status, the error code the SDK maps to its exception class
 * (sent in {@code x-amzn-ErrorType}) and a message.
 */
public class SesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  public SesException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public static SesException notFound(String message) {
    return new SesException(404, "NotFoundException", message);
  }

  public static SesException alreadyExists(String message) {
    return new SesException(400, "AlreadyExistsException", message);
  }

  public static SesException badRequest(String message) {
    return new SesException(400, "BadRequestException", message);
  }

  public static SesException messageRejected(String message) {
    return new SesException(400, "MessageRejected", message);
  }

  public static SesException sendingPaused(String message) {
    return new SesException(400, "SendingPausedException", message);
  }

  public static SesException tooManyRequests(String message) {
    return new SesException(429, "TooManyRequestsException", message);
  }

  public static SesException limitExceeded(String message) {
    return new SesException(400, "LimitExceededException", message);
  }
}
