package io.isolane.tenant.rest;

import io.isolane.tenant.service.NewTenant;
import io.isolane.tenant.service.TenantService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Platform API for tenants (admin only). */
@Path("/v1/tenants")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantResource {
  private final TenantService tenants;

  public TenantResource(TenantService tenants) {
    this.tenants = tenants;
  }

  /** Creates a tenant; 201 with its location, 409 when the id is taken. */
  @POST
  public Uni<Response> create(
      @NotNull(message = "a JSON body is required") @Valid CreateTenantRequest body,
      @Context ContainerRequestContext request,
      @Context UriInfo uri) {
    CreateTenantRequest.Limits limits = body.limits();
    NewTenant command =
        new NewTenant(
            body.id(),
            body.name(),
            body.tier(),
            limits == null ? null : limits.maxPerSecond(),
            limits == null ? null : limits.maxPerDay(),
            (String) request.getProperty(AdminAuthFilter.ADMIN));
    return tenants
        .create(command)
        .map(
            t ->
                Response.created(uri.getAbsolutePathBuilder().path(t.id).build())
                    .entity(TenantResponse.of(t))
                    .build());
  }

  /** One tenant; 404 when unknown. */
  @GET
  @Path("/{id}")
  public Uni<Response> get(@PathParam("id") String id) {
    return tenants
        .find(id)
        .map(
            t ->
                t == null
                    ? Problem.of(Response.Status.NOT_FOUND, "tenant-not-found", "no tenant " + id)
                        .toResponse()
                    : Response.ok(TenantResponse.of(t)).build());
  }
}
