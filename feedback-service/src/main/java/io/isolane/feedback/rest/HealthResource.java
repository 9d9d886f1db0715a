package io.isolane.feedback.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.isolane.feedback.HealthFigures;
import io.isolane.feedback.HealthSubject;
import io.isolane.feedback.HealthThresholds;
import io.isolane.feedback.repository.HealthReads;
import io.isolane.feedback.service.HealthAdmin;
import io.isolane.feedback.service.HealthVerdicts;
import io.isolane.servicekit.rest.ApiCaller;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The calling tenant's health: statuses and pauses, its own thresholds, and resuming a pause. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HealthResource {
  private final HealthReads reads;
  private final HealthAdmin admin;
  private final HealthVerdicts verdicts;

  public HealthResource(HealthReads reads, HealthAdmin admin, HealthVerdicts verdicts) {
    this.reads = reads;
    this.admin = admin;
    this.verdicts = verdicts;
  }

  /** One sender's health as the API shows it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Sender(
      String scope,
      String target,
      String status,
      String reason,
      HealthFigures figures,
      double hardBounceRate,
      double complaintRate,
      String pauseCommandId,
      Instant changedAt) {
    static Sender of(HealthReads.SenderStatus s) {
      return new Sender(
          s.subject().scope().name().toLowerCase(Locale.ROOT),
          s.subject().target().isEmpty() ? null : s.subject().target(),
          s.status().toLowerCase(Locale.ROOT),
          s.reason(),
          s.figures(),
          s.figures().hardBounceRate(),
          s.figures().complaintRate(),
          s.pauseCommandId(),
          s.changedAt());
    }
  }

  /** The body of a resume. */
  record ResumeRequest(String scope, String target, String note) {}

  @GET
  @Path("/reports/health")
  @Operation(
      summary = "Health of every watched sender (breaches first), the active pauses, thresholds")
  public Uni<Map<String, Object>> health(@Context ContainerRequestContext request) {
    String tenantId = ApiCaller.of(request).tenantId();
    return reads
        .thresholds(tenantId)
        .chain(
            own ->
                reads
                    .senders(tenantId)
                    .map(
                        senders -> {
                          List<Sender> all = senders.stream().map(Sender::of).toList();
                          return Map.of(
                              "thresholds",
                              own.orElseGet(verdicts::defaults),
                              "thresholdsSource",
                              own.isPresent() ? "tenant" : "default",
                              "senders",
                              all,
                              "pauses",
                              all.stream().filter(s -> s.pauseCommandId() != null).toList());
                        }));
  }

  @PUT
  @Path("/health/thresholds")
  @Operation(summary = "Sets the tenant's own warn and pause thresholds")
  public Uni<Response> setThresholds(
      @Context ContainerRequestContext request, HealthThresholds thresholds) {
    if (thresholds == null) {
      return invalid("body", "thresholds are required");
    }
    if (thresholds.problem().isPresent()) {
      return invalid("thresholds", thresholds.problem().get());
    }
    return reads
        .setThresholds(ApiCaller.of(request).tenantId(), thresholds)
        .replaceWith(Response.ok(thresholds).build());
  }

  @DELETE
  @Path("/health/thresholds")
  @Operation(summary = "Goes back to the default thresholds")
  public Uni<Response> unsetThresholds(@Context ContainerRequestContext request) {
    return reads
        .unsetThresholds(ApiCaller.of(request).tenantId())
        .replaceWith(Response.noContent().build());
  }

  @POST
  @Path("/health/resume")
  @Operation(summary = "Lifts a pause the health monitor issued (tenant.commands resume)")
  public Uni<Response> resume(@Context ContainerRequestContext request, ResumeRequest body) {
    if (body == null || body.scope() == null) {
      return invalid("scope", "is required: mailbox, sending_domain or tenant");
    }
    HealthSubject subject;
    switch (body.scope()) {
      case "tenant" -> subject = HealthSubject.TENANT;
      case "sending_domain", "mailbox" -> {
        if (body.target() == null || body.target().isBlank()) {
          return invalid("target", "is required for a " + body.scope());
        }
        subject =
            body.scope().equals("mailbox")
                ? HealthSubject.mailbox(body.target())
                : HealthSubject.sendingDomain(body.target());
      }
      default -> {
        return invalid("scope", "must be mailbox, sending_domain or tenant");
      }
    }
    ApiCaller caller = ApiCaller.of(request);
    return admin
        .resume(caller.tenantId(), caller.keyId(), subject, body.note())
        .map(id -> Response.accepted(Map.of("commandId", id)).build())
        .onFailure(HealthAdmin.NotPaused.class)
        .recoverWithItem(
            e -> Problems.of(409, "Conflict", "target", e.getMessage() + ": nothing to resume"));
  }

  private static Uni<Response> invalid(String field, String message) {
    return Uni.createFrom().item(Problems.of(400, "Invalid request", field, message));
  }
}
