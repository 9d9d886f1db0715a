package io.isolane.tenant.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.isolane.tenant.Tenant;
import io.isolane.tenant.repository.ProvisioningStepRepository;
import io.isolane.tenant.rest.Writes.Reply;
import io.isolane.tenant.service.NewTenant;
import io.isolane.tenant.service.TenantChange;
import io.isolane.tenant.service.TenantService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * Tenants. Lifecycle calls are for platform admins and answer 202 at once: the reconciler makes SES
 * follow. A tenant's own key (read scope) may read its tenant.
 */
@Path("/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantResource {
  private final TenantService tenants;
  private final ProvisioningStepRepository steps;
  private final Writes writes;
  private final ObjectMapper json;

  public TenantResource(
      TenantService tenants, ProvisioningStepRepository steps, Writes writes, ObjectMapper json) {
    this.tenants = tenants;
    this.steps = steps;
    this.writes = writes;
    this.json = json;
  }

  /** Records the tenant as provisioning; 409 when the id is taken. */
  @POST
  public Uni<Response> create(
      @NotNull(message = "a JSON body is required") @Valid CreateTenantRequest body,
      @HeaderParam(Writes.KEY_HEADER) String idempotencyKey,
      @Context ContainerRequestContext request,
      @Context UriInfo uri) {
    Caller caller = Callers.of(request);
    caller.requireAdmin();
    CreateTenantRequest.Limits limits = body.limits();
    NewTenant command =
        new NewTenant(
            body.id(),
            body.name(),
            body.tier(),
            limits == null ? null : limits.maxPerSecond(),
            limits == null ? null : limits.maxPerDay(),
            caller.name());
    return writes.run(
        caller,
        idempotencyKey,
        "POST /v1/tenants",
        body,
        () ->
            tenants
                .create(command)
                .map(
                    t ->
                        new Reply(
                            202,
                            TenantResponse.of(t),
                            uri.getAbsolutePathBuilder().path(t.id).build())));
  }

  @GET
  public Uni<Page<TenantResponse>> list(
      @QueryParam("after") String after,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX) int limit,
      @Context ContainerRequestContext request) {
    Callers.of(request).requireAdmin();
    return tenants
        .page(after, limit + 1)
        .map(rows -> Page.of(rows, limit, TenantResponse::of, t -> t.id));
  }

  @GET
  @Path("/{id}")
  public Uni<TenantResponse> get(
      @PathParam("id") String id, @Context ContainerRequestContext request) {
    Callers.of(request).require(id, "read");
    return tenants.get(id).map(TenantResponse::of);
  }

  /** Changes name, limits or tier; a tier upgrade is provisioned by the reconciler. */
  @PATCH
  @Path("/{id}")
  public Uni<Response> update(
      @PathParam("id") String id,
      @NotNull(message = "a JSON body is required") @Valid TenantRequests.Update body,
      @HeaderParam(Writes.KEY_HEADER) String idempotencyKey,
      @Context ContainerRequestContext request) {
    Caller caller = Callers.of(request);
    caller.requireAdmin(id);
    CreateTenantRequest.Limits limits = body.limits();
    TenantChange change =
        new TenantChange(
            body.name(),
            body.tier(),
            limits == null ? null : limits.maxPerSecond(),
            limits == null ? null : limits.maxPerDay());
    return writes.run(
        caller,
        idempotencyKey,
        "PATCH /v1/tenants/" + id,
        body,
        () -> tenants.update(id, change).map(t -> Reply.of(200, TenantResponse.of(t))));
  }

  @POST
  @Path("/{id}/suspend")
  @Consumes(MediaType.WILDCARD) // no body, or an optional JSON one
  public Uni<Response> suspend(
      @PathParam("id") String id,
      String body,
      @HeaderParam(Writes.KEY_HEADER) String idempotencyKey,
      @Context ContainerRequestContext request) {
    return changeStatus(id, "suspend", body, idempotencyKey, request, tenants::suspend);
  }

  @POST
  @Path("/{id}/resume")
  @Consumes(MediaType.WILDCARD) // no body, or an optional JSON one
  public Uni<Response> resume(
      @PathParam("id") String id,
      String body,
      @HeaderParam(Writes.KEY_HEADER) String idempotencyKey,
      @Context ContainerRequestContext request) {
    return changeStatus(id, "resume", body, idempotencyKey, request, tenants::resume);
  }

  /** A suspend or resume: who may, the optional reason, idempotency. */
  private Uni<Response> changeStatus(
      String id,
      String action,
      String body,
      String idempotencyKey,
      ContainerRequestContext request,
      StatusChange change) {
    Caller caller = Callers.of(request);
    caller.requireAdmin(id);
    String reason = TenantRequests.reason(body, action + " requested by " + caller.name(), json);
    return writes.run(
        caller,
        idempotencyKey,
        "POST /v1/tenants/" + id + "/" + action,
        body,
        () ->
            change.apply(id, reason, caller.name()).map(t -> Reply.of(202, TenantResponse.of(t))));
  }

  /** Suspend or resume in {@link TenantService}. */
  private interface StatusChange {
    Uni<Tenant> apply(String id, String reason, String by);
  }

  /** Deletes the tenant: its SES resources go, then it is published as deleted. */
  @DELETE
  @Path("/{id}")
  public Uni<Response> delete(
      @PathParam("id") String id,
      @HeaderParam(Writes.KEY_HEADER) String idempotencyKey,
      @Context ContainerRequestContext request) {
    Caller caller = Callers.of(request);
    caller.requireAdmin(id);
    return writes.run(
        caller,
        idempotencyKey,
        "DELETE /v1/tenants/" + id,
        null,
        () -> tenants.delete(id, caller.name()).map(t -> Reply.of(202, TenantResponse.of(t))));
  }

  /** Runs reconciliation again now, e.g. for a failed tenant once the cause is fixed. */
  @POST
  @Path("/{id}/reconcile")
  @Consumes(MediaType.WILDCARD) // no body, or an optional JSON one
  public Uni<Response> reconcile(
      @PathParam("id") String id, @Context ContainerRequestContext request) {
    Caller caller = Callers.of(request);
    caller.requireAdmin(id);
    return tenants
        .reconcile(id, caller.name())
        .map(t -> Response.accepted(TenantResponse.of(t)).build());
  }

  /** The outcome of each reconciliation step. */
  @GET
  @Path("/{id}/provisioning")
  @WithSession
  public Uni<List<ProvisioningStepResponse>> provisioning(
      @PathParam("id") String id, @Context ContainerRequestContext request) {
    Callers.of(request).requireAdmin(id);
    return tenants
        .get(id)
        .flatMap(t -> steps.ofTenant(id))
        .map(rows -> rows.stream().map(ProvisioningStepResponse::of).toList());
  }
}
