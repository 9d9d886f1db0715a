package io.isolane.tenant.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail, with the field errors of a rejected request.
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
   * @param field the field's JSON path, e.g. {@code limits.maxPerDay}
   * @param message why it was rejected
   */
  public record FieldError(String field, String message) {}

  static Problem of(Response.Status status, String type, String detail) {
    return new Problem(
        URI.create(TYPES + type),
        status.getReasonPhrase(),
        status.getStatusCode(),
        detail,
        List.of());
  }

  static Problem invalid(String detail, List<FieldError> errors) {
    return new Problem(
        URI.create(TYPES + "invalid-request"),
        "Invalid request",
        Response.Status.BAD_REQUEST.getStatusCode(),
        detail,
        errors);
  }

  static Problem unprocessable(String detail, List<FieldError> errors) {
    return new Problem(
        URI.create(TYPES + "invalid-request"), "Unprocessable request", 422, detail, errors);
  }

  Response toResponse() {
    return Response.status(status).type(MEDIA_TYPE).entity(this).build();
  }
}
