package io.isolane.warmup.rest;

import io.isolane.servicekit.rest.ApiCaller;
import io.isolane.servicekit.rest.Problem;
import io.isolane.warmup.Plan;
import io.isolane.warmup.service.PlanCatalog;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The caller's plans: the presets and its own. */
@Path("/v1/warmup/plans")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {
  private final PlanCatalog catalog;

  public PlanResource(PlanCatalog catalog) {
    this.catalog = catalog;
  }

  /** Presets first, then the tenant's plans, each with its table of day to cap. */
  @GET
  @WithSession
  public Uni<List<ApiViews.PlanView>> list(@Context ContainerRequestContext request) {
    return catalog
        .all(ApiCaller.of(request).tenantId())
        .map(all -> all.stream().map(ApiViews.PlanView::of).toList());
  }

  /** Creates a custom plan (201), or says which fields are wrong. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @WithTransaction
  public Uni<Response> create(PlanInput input, @Context ContainerRequestContext request) {
    if (input == null) {
      throw Problem.invalid(List.of(new Problem.FieldError("$", "a plan is required"))).failure();
    }
    Plan plan = input.toPlan();
    return catalog
        .create(ApiCaller.of(request).tenantId(), plan)
        .map(
            created -> {
              if (!created) {
                throw Problem.unprocessable(
                        List.of(
                            new Problem.FieldError("name", "you already have a plan of this name")))
                    .failure();
              }
              return Response.created(URI.create("/v1/warmup/plans/" + plan.name()))
                  .entity(ApiViews.PlanView.of(plan))
                  .build();
            });
  }
}
