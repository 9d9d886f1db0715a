package io.isolane.replies.rest;

import io.isolane.replies.ClassificationJson;
import io.isolane.replies.config.ReplyConfig;
import io.isolane.replies.service.ReplyClassifier;
import io.isolane.replies.service.UnreadableMailException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Classifies one raw message on request, for the platform API and for debugging an inbox. Stores
 * and publishes nothing: only replies arriving on inbound.replies are acted on.
 */
@Path("/v1/classify")
public class ClassifyResource {
  private static final String BODY = "body";

  private final ReplyClassifier classifier;
  private final int maxBytes;

  public ClassifyResource(ReplyConfig config) {
    this.maxBytes = config.maxMessageBytes();
    this.classifier = new ReplyClassifier(maxBytes);
  }

  @POST
  @Consumes({"message/rfc822", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Classifies a raw RFC 5322 message (bounce, out-of-office, unsubscribe ...)")
  @APIResponse(responseCode = "200", description = "The classification")
  @APIResponse(responseCode = "400", description = "Not an RFC 5322 message")
  @APIResponse(responseCode = "413", description = "Larger than isolane.replies.max-message-bytes")
  public Response classify(byte[] raw) {
    if (raw == null || raw.length == 0) {
      return Problems.of(
          400, "Not a message", BODY, "the body must be a raw RFC 5322 message; it is empty");
    }
    if (raw.length > maxBytes) {
      return Problems.of(
          413,
          "Message too large",
          BODY,
          "message of " + raw.length + " bytes exceeds " + maxBytes);
    }
    try {
      return Response.ok(ClassificationJson.of(classifier.classify(raw))).build();
    } catch (UnreadableMailException e) {
      return Problems.of(400, "Not a message", BODY, e.getMessage());
    }
  }
}
