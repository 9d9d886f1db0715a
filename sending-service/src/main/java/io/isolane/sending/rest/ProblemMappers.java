package io.isolane.sending.rest;

import io.isolane.sending.service.IdempotencyKeyReused;
import io.isolane.servicekit.rest.Problem;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure of the API into an RFC 9457 problem+json response. */
public class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response problem(Problem.Failure e) {
    return e.problem().toResponse();
  }

  @ServerExceptionMapper
  public Response keyReused(IdempotencyKeyReused e) {
    return Problem.unprocessable(
            List.of(new Problem.FieldError(MessageResource.IDEMPOTENCY_KEY, e.getMessage())))
        .toResponse();
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundException e) {
    return Problem.of(Response.Status.NOT_FOUND, "not-found", "no such resource").toResponse();
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known == null ? "Error" : known.getReasonPhrase();
    return Problem.of(status, title.toLowerCase().replace(' ', '-'), title, e.getMessage())
        .toResponse();
  }

  @ServerExceptionMapper
  public Response unexpected(RuntimeException e) {
    LOG.error("unexpected failure", e);
    return Problem.of(
            Response.Status.INTERNAL_SERVER_ERROR, "internal-error", "an unexpected error occurred")
        .toResponse();
  }
}
