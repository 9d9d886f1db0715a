package io.isolane.feedback.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.isolane.contracts.ContractJson;
import io.isolane.feedback.SnsMessage;
import io.isolane.feedback.service.RejectedSnsMessage;
import io.isolane.feedback.service.SesNotifications;
import io.isolane.feedback.service.SnsIntake;
import io.isolane.feedback.service.SnsVerifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

/**
 * Where SNS posts SES feedback (SNS sends {@code text/plain} JSON). Nothing in a message is trusted
 * or acted on before its signature is verified.
 */
@Path("/sns/ses")
public class SnsResource {
  private static final Logger LOG = Logger.getLogger(SnsResource.class);

  private final SnsVerifier verifier;
  private final SnsIntake intake;
  private final MeterRegistry metrics;

  public SnsResource(SnsVerifier verifier, SnsIntake intake, MeterRegistry metrics) {
    this.verifier = verifier;
    this.intake = intake;
    this.metrics = metrics;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(summary = "SNS HTTPS endpoint for SES feedback (signature verified)")
  @APIResponse(responseCode = "200", description = "Verified and handled (or a duplicate)")
  @APIResponse(responseCode = "400", description = "Not trusted: the reason is in the body")
  @APIResponse(responseCode = "503", description = "About a message not known yet: SNS retries")
  public Uni<Response> receive(String body) {
    SnsMessage message;
    try {
      message = SnsMessage.of(ContractJson.mapper().readTree(body == null ? "" : body));
    } catch (JsonProcessingException | RuntimeException e) {
      return Uni.createFrom().item(rejected(new RejectedSnsMessage("not JSON")));
    }
    return verifier
        .verify(message, Instant.now())
        .chain(verified -> intake.handle(verified, body))
        .map(done -> Response.ok(done).build())
        .onFailure(RejectedSnsMessage.class)
        .recoverWithItem(e -> rejected((RejectedSnsMessage) e))
        .onFailure(SesNotifications.RetryLater.class)
        .recoverWithItem(
            e -> {
              LOG.infof("SNS message %s deferred: %s", message.messageId(), e.getMessage());
              // SNS retries a delivery that failed with a 5xx; by then the sent event is here
              return Problems.of(503, "Retry later", "body", e.getMessage());
            });
  }

  private Response rejected(RejectedSnsMessage e) {
    LOG.warnf("SNS message rejected: %s", e.getMessage());
    String reason = e.getMessage().split("[: ]", 2)[0];
    metrics.counter("isolane.sns.rejected", "reason", reason).increment();
    return Problems.of(400, "SNS message rejected", "body", e.getMessage());
  }
}
