package io.isolane.sending.rest;

import io.isolane.contracts.events.EmailEventType;
import io.isolane.sending.config.ApiConfig;
import io.isolane.sending.repository.Cancellations;
import io.isolane.sending.service.IdempotencyKeyReused;
import io.isolane.sending.service.LifecycleEvents;
import io.isolane.sending.service.Submissions;
import io.isolane.servicekit.outbox.OutboxRow;
import io.isolane.servicekit.rest.ApiCaller;
import io.isolane.servicekit.rest.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/** Send, read and cancel messages with a tenant API key. */
@Path("/v1/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Messages")
@SecurityScheme(
    securitySchemeName = "apiKey",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "The tenant's API key: isk_<keyId>_<secret>")
@SecurityRequirement(name = "apiKey")
public class MessageResource {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String CANCEL_REASON = "cancelled by the client";
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
  private static final Logger LOG = Logger.getLogger(MessageResource.class);

  private final Submissions submissions;
  private final SendRequests requests;
  private final MessageReader reader;
  private final Cancellations cancellations;
  private final LifecycleEvents events;
  private final ApiConfig config;

  public MessageResource(
      Submissions submissions,
      SendRequests requests,
      MessageReader reader,
      Cancellations cancellations,
      LifecycleEvents events,
      ApiConfig config) {
    this.submissions = submissions;
    this.requests = requests;
    this.reader = reader;
    this.cancellations = cancellations;
    this.events = events;
    this.config = config;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Send a message or a batch of up to 500",
      description =
          "Answers 202 once the broker acknowledged every message. The tenant is the API key's;"
              + " the server assigns message ids. A retry with the same Idempotency-Key returns"
              + " the first answer (header Idempotent-Replayed: true).")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(oneOf = {MessageInput.class, MessageInput.Batch.class})))
  @APIResponse(
      responseCode = "202",
      description = "Submitted (a batch answers {messages: [...]})",
      content =
          @Content(
              schema = @Schema(oneOf = {ApiViews.Submitted.class, ApiViews.SubmittedBatch.class})))
  @APIResponse(responseCode = "400", description = "Malformed; errors name each field")
  @APIResponse(responseCode = "401", description = "Missing, unknown or revoked API key")
  @APIResponse(responseCode = "403", description = "The key lacks the send scope")
  @APIResponse(responseCode = "413", description = "The body is too large")
  @APIResponse(responseCode = "422", description = "Not acceptable for this tenant, or key reuse")
  @APIResponse(responseCode = "503", description = "Not queued; retry with the same key")
  public Uni<Response> send(
      byte[] body,
      @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
      @Context ContainerRequestContext request) {
    ApiCaller caller = ApiCaller.of(request);
    if (body != null && body.length > config.maxRequestBytes()) {
      throw Problem.of(
              Response.Status.REQUEST_ENTITY_TOO_LARGE,
              "request-too-large",
              "the body must be at most " + config.maxRequestBytes() + " bytes")
          .failure();
    }
    if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
      throw Problem.invalid(
              List.of(
                  new Problem.FieldError(
                      IDEMPOTENCY_KEY, "must be 1-255 visible ASCII characters")))
          .failure();
    }
    RequestReader.Parsed parsed = RequestReader.read(body, config.maxBatchSize());
    return submissions
        .submit(
            caller.tenantId(),
            idempotencyKey,
            parsed.fingerprint(),
            parsed.batch(),
            () -> requests.build(caller.tenantId(), parsed, idempotencyKey))
        .map(SubmitAnswers::of)
        .onFailure(MessageResource::unavailable)
        .transform(
            e -> {
              LOG.warnf("a send request could not be queued: %s", e);
              return Problem.of(
                      Response.Status.SERVICE_UNAVAILABLE,
                      "not-queued",
                      "the request could not be queued; retry with the same Idempotency-Key")
                  .failure();
            });
  }

  @GET
  @Path("/{messageId}")
  @Operation(summary = "A message's status and every status change")
  @APIResponse(
      responseCode = "200",
      description = "The message",
      content = @Content(schema = @Schema(implementation = ApiViews.MessageView.class)))
  @APIResponse(responseCode = "404", description = "No such message for this tenant")
  public Uni<ApiViews.MessageView> get(
      @PathParam("messageId") String messageId, @Context ContainerRequestContext request) {
    return reader.view(ApiCaller.of(request).tenantId(), messageId);
  }

  @DELETE
  @Path("/{messageId}")
  @Operation(
      summary = "Cancel a message not sent yet",
      description = "Queued or still on its way to the queue; cancelling twice answers 200 again.")
  @APIResponse(
      responseCode = "200",
      description = "Cancelled",
      content = @Content(schema = @Schema(implementation = ApiViews.Submitted.class)))
  @APIResponse(responseCode = "404", description = "No such message for this tenant")
  @APIResponse(responseCode = "409", description = "Already being sent, sent or otherwise final")
  public Uni<ApiViews.Submitted> cancel(
      @PathParam("messageId") String messageId, @Context ContainerRequestContext request) {
    String tenantId = ApiCaller.of(request).tenantId();
    return cancellations
        .cancel(
            tenantId,
            messageId,
            CANCEL_REASON,
            r -> OutboxRow.of(events.of(r, EmailEventType.CANCELLED, CANCEL_REASON, null, "")))
        .map(
            result -> {
              if (result.status() == null) {
                throw MessageReader.notFound(messageId);
              }
              if (!"CANCELLED".equals(result.status())) {
                throw Problem.of(
                        Response.Status.CONFLICT,
                        "not-cancellable",
                        "the message is "
                            + ApiViews.status(result.status())
                            + " and cannot be cancelled")
                    .failure();
              }
              return new ApiViews.Submitted(messageId, "cancelled");
            });
  }

  /** Infrastructure failures (database, broker) answer 503; the client's own errors do not. */
  private static boolean unavailable(Throwable e) {
    return !(e instanceof Problem.Failure) && !(e instanceof IdempotencyKeyReused);
  }

  /** Location of a message. */
  static URI location(String messageId) {
    return URI.create("/v1/messages/" + messageId);
  }
}
