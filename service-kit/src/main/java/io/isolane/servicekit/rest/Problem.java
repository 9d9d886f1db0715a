package io.isolane.servicekit.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail, shaped like tenant-service's: field errors name the JSON path of the
 * rejected field ({@code messages[2].to[0]}, {@code Idempotency-Key} for headers). Shared by the
 * services' tenant APIs.
 *
 * @param type problem type URI
 * @param title short summary of the problem type
 * @param status HTTP status
 * @param detail what went wrong this time
 * @param errors one entry per rejected field (validation problems only)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, List<FieldError> errors) {
  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPES = "https://isolane.io/problems/";

  /**
   * One rejected field.
   *
   * @param field the field's JSON path, or the header's name
   * @param message why it was rejected
   */
  public record FieldError(String field, String message) {}

  public static Problem of(int status, String type, String title, String detail) {
    return new Problem(URI.create(TYPES + type), title, status, detail, List.of());
  }

  public static Problem of(Response.Status status, String type, String detail) {
    return of(status.getStatusCode(), type, status.getReasonPhrase(), detail);
  }

  /** 400: the request is malformed (syntax, types, missing or unknown fields, limits). */
  public static Problem invalid(List<FieldError> errors) {
    return new Problem(
        URI.create(TYPES + "invalid-request"),
        "Invalid request",
        400,
        "the request has invalid fields",
        errors);
  }

  /** 422: well-formed, but not acceptable for this tenant. */
  public static Problem unprocessable(List<FieldError> errors) {
    return new Problem(
        URI.create(TYPES + "invalid-request"),
        "Unprocessable request",
        422,
        "the request has invalid fields",
        errors);
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA_TYPE).entity(this).build();
  }

  /** Thrown anywhere in the API to answer with this problem. */
  public static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    Failure(Problem problem) {
      super(problem.detail(), null, false, false);
      this.problem = problem;
    }

    public Problem problem() {
      return problem;
    }
  }

  public Failure failure() {
    return new Failure(this);
  }
}
