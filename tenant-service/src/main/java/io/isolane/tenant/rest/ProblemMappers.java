package io.isolane.tenant.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.isolane.tenant.service.Conflict;
import io.isolane.tenant.service.InvalidField;
import io.isolane.tenant.service.NotFound;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into an RFC 9457 problem+json response; field errors name the field. */
public class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response invalid(ConstraintViolationException e) {
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(field(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    return Problem.invalid("the request has invalid fields", errors).toResponse();
  }

  @ServerExceptionMapper
  public Response unreadable(JsonProcessingException e) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = jsonPath(mapping.getPath());
      return Problem.invalid(
              "the request has invalid fields",
              List.of(new Problem.FieldError(field, mappingMessage(mapping))))
          .toResponse();
    }
    return Problem.invalid("the body is not valid JSON: " + e.getOriginalMessage(), List.of())
        .toResponse();
  }

  /** Overrides Quarkus's built-in mapper for this type, which answers plain JSON. */
  @ServerExceptionMapper
  public Response mismatched(MismatchedInputException e) {
    return unreadable(e);
  }

  @ServerExceptionMapper
  public Response conflict(Conflict e) {
    return Problem.of(Response.Status.CONFLICT, e.type(), e.getMessage()).toResponse();
  }

  /** Also what another tenant's key gets for this tenant's resources: existence never leaks. */
  @ServerExceptionMapper
  public Response notFound(NotFound e) {
    return Problem.of(Response.Status.NOT_FOUND, e.kind() + "-not-found", e.getMessage())
        .toResponse();
  }

  @ServerExceptionMapper
  public Response forbidden(Forbidden e) {
    return Problem.of(Response.Status.FORBIDDEN, "forbidden", e.getMessage()).toResponse();
  }

  @ServerExceptionMapper
  public Response invalidField(InvalidField e) {
    return Problem.unprocessable(
            "the request has invalid fields",
            List.of(new Problem.FieldError(e.field(), e.getMessage())))
        .toResponse();
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
    if (status == null) {
      status = Response.Status.INTERNAL_SERVER_ERROR;
    }
    if (e.getCause() instanceof JsonProcessingException json) {
      return unreadable(json);
    }
    return Problem.of(status, slug(status), e.getMessage()).toResponse();
  }

  @ServerExceptionMapper
  public Response unexpected(RuntimeException e) {
    LOG.error("unexpected failure", e);
    return Problem.of(
            Response.Status.INTERNAL_SERVER_ERROR, "internal-error", "an unexpected error occurred")
        .toResponse();
  }

  private static String slug(Response.Status status) {
    return status.getReasonPhrase().toLowerCase().replace(' ', '-');
  }

  private static String mappingMessage(JsonMappingException e) {
    if (e instanceof InvalidFormatException format && format.getTargetType().isEnum()) {
      String allowed =
          Arrays.stream(format.getTargetType().getEnumConstants())
              .map(c -> ((Enum<?>) c).name().toLowerCase())
              .collect(Collectors.joining(", "));
      return "must be one of " + allowed;
    }
    return "has the wrong type";
  }

  private static String jsonPath(List<JsonMappingException.Reference> path) {
    return path.stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  /** The violation's path inside the request body, without the method and parameter names. */
  private static String field(ConstraintViolation<?> violation) {
    List<String> names = new ArrayList<>();
    for (Path.Node node : violation.getPropertyPath()) {
      switch (node.getKind()) {
        case PROPERTY, CONTAINER_ELEMENT -> names.add(node.getName());
        default -> names.clear(); // method and parameter nodes precede the body's fields
      }
    }
    return names.isEmpty() ? "body" : String.join(".", names);
  }
}
