package io.isolane.warmup.rest;

import io.isolane.servicekit.rest.ApiCaller;
import io.isolane.servicekit.rest.Problem;
import io.isolane.servicekit.rest.Violations;
import io.isolane.warmup.Plan;
import io.isolane.warmup.SenderKind;
import io.isolane.warmup.service.PlanCatalog;
import io.isolane.warmup.service.SenderControl;
import io.isolane.warmup.service.SenderStatus;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The caller's senders: status with history, plan assignment and import, pause and resume. */
@Path("/v1/warmup/senders")
@Produces(MediaType.APPLICATION_JSON)
public class SenderResource {
  private final SenderControl control;
  private final PlanCatalog catalog;

  public SenderResource(SenderControl control, PlanCatalog catalog) {
    this.control = control;
    this.catalog = catalog;
  }

  @GET
  public Uni<List<ApiViews.SenderView>> list(@Context ContainerRequestContext request) {
    return control
        .list(ApiCaller.of(request).tenantId())
        .map(all -> all.stream().map(ApiViews.SenderView::of).toList());
  }

  @GET
  @Path("/{sender}")
  public Uni<ApiViews.SenderView> get(
      @PathParam("sender") String sender, @Context ContainerRequestContext request) {
    return control
        .get(ApiCaller.of(request).tenantId(), sender.toLowerCase())
        .map(SenderResource::found);
  }

  /** Assigns a plan, imports at a stage, or sets the time zone; 422 names what does not fit. */
  @PUT
  @Path("/{sender}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<ApiViews.SenderView> change(
      @PathParam("sender") String sender,
      SenderInput input,
      @Context ContainerRequestContext request) {
    String tenantId = ApiCaller.of(request).tenantId();
    validate(input);
    return planOf(tenantId, input)
        .chain(
            plan ->
                control
                    .get(tenantId, sender.toLowerCase())
                    .map(SenderResource::found)
                    .chain(current -> checkFits(current, plan, input))
                    .chain(
                        ignored ->
                            control.change(
                                tenantId,
                                sender.toLowerCase(),
                                new SenderControl.Change(
                                    plan.orElse(null), input.stage(), input.timeZone()))))
        .map(SenderResource::found);
  }

  @POST
  @Path("/{sender}/pause")
  public Uni<ApiViews.SenderView> pause(
      @PathParam("sender") String sender, @Context ContainerRequestContext request) {
    return control
        .pause(ApiCaller.of(request).tenantId(), sender.toLowerCase())
        .map(SenderResource::found);
  }

  @POST
  @Path("/{sender}/resume")
  public Uni<ApiViews.SenderView> resume(
      @PathParam("sender") String sender, @Context ContainerRequestContext request) {
    return control
        .resume(ApiCaller.of(request).tenantId(), sender.toLowerCase())
        .map(SenderResource::found);
  }

  private static void validate(SenderInput input) {
    Violations v = new Violations();
    if (input == null
        || (input.plan() == null && input.stage() == null && input.timeZone() == null)) {
      v.invalid("$", "give plan, stage or timeZone");
      v.throwIfAny();
    }
    if (input.stage() != null && input.stage() < 1) {
      v.invalid("stage", "must be 1 or more");
    }
    if (input.timeZone() != null) {
      try {
        ZoneId.of(input.timeZone());
      } catch (DateTimeException e) {
        v.invalid("timeZone", "not an IANA time zone");
      }
    }
    v.throwIfAny();
  }

  private Uni<Optional<Plan>> planOf(String tenantId, SenderInput input) {
    if (input.plan() == null) {
      return Uni.createFrom().item(Optional.empty());
    }
    return catalog
        .resolve(tenantId, input.plan())
        .invoke(
            p -> {
              if (p.isEmpty()) {
                Violations v = new Violations();
                v.unacceptable("plan", "no preset or plan of yours has this name");
                v.throwIfAny();
              }
            });
  }

  private static Uni<Void> checkFits(
      ApiViews.SenderView current, Optional<Plan> plan, SenderInput input) {
    Violations v = new Violations();
    SenderKind wanted = SenderKind.valueOf(current.kind().toUpperCase()).planKind();
    if (plan.isPresent() && plan.get().kind() != wanted) {
      v.unacceptable(
          "plan",
          "is a "
              + plan.get().kind().name().toLowerCase()
              + " plan; this sender needs a "
              + wanted.name().toLowerCase()
              + " plan");
    }
    int stages = plan.map(Plan::stages).orElse(current.stages());
    if (input.stage() != null && input.stage() > stages) {
      v.unacceptable("stage", "the plan has " + stages + " stages");
    }
    v.throwIfAny();
    return Uni.createFrom().voidItem();
  }

  private static ApiViews.SenderView found(Optional<SenderStatus> status) {
    return status
        .map(ApiViews.SenderView::of)
        .orElseThrow(
            () ->
                Problem.of(Response.Status.NOT_FOUND, "not-found", "you have no such sender")
                    .failure());
  }
}
