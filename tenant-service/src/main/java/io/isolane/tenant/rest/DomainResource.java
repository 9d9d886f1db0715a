package io.isolane.tenant.rest;

import io.isolane.contracts.events.Stream;
import io.isolane.tenant.rest.Writes.Reply;
import io.isolane.tenant.service.DomainService;
import io.isolane.tenant.service.DomainVerificationService;
import io.isolane.tenant.service.NewDomain;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

/** A tenant's sending domains (its API key with read/admin scope, or a platform admin). */
@Path("/v1/tenants/{tenantId}/domains")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DomainResource {
  private final DomainService domains;
  private final DomainVerificationService verification;
  private final DomainViews views;
  private final Writes writes;

  public DomainResource(
      DomainService domains,
      DomainVerificationService verification,
      DomainViews views,
      Writes writes) {
    this.domains = domains;
    this.verification = verification;
    this.views = views;
    this.writes = writes;
  }

  /**
   * Body of {@code POST .../domains}.
   *
   * @param name domain name; IDNs are accepted and stored as A-labels
   * @param stream transactional or marketing
   * @param mailFromSubdomain label of the custom MAIL FROM domain (default bounce)
   */
  public record AddDomain(
      @NotBlank @Size(max = 253) String name,
      @NotNull Stream stream,
      @Size(min = 1, max = 63) String mailFromSubdomain) {}

  /** Adds the domain; 202, since SES creates its identity and DKIM tokens shortly after. */
  @POST
  public Uni<Response> add(
      @PathParam("tenantId") String tenantId,
      @NotNull(message = "a JSON body is required") @Valid AddDomain body,
      @HeaderParam(Writes.KEY_HEADER) String idempotencyKey,
      @Context ContainerRequestContext request,
      @Context UriInfo uri) {
    Caller caller = Callers.of(request);
    caller.require(tenantId, "admin");
    NewDomain command = new NewDomain(body.name(), body.stream(), body.mailFromSubdomain());
    return writes.run(
        caller,
        idempotencyKey,
        "POST /v1/tenants/" + tenantId + "/domains",
        body,
        () ->
            domains
                .add(tenantId, command)
                .map(
                    d ->
                        new Reply(
                            202, views.of(d), uri.getAbsolutePathBuilder().path(d.name).build())));
  }

  @GET
  public Uni<Page<DomainResponse>> list(
      @PathParam("tenantId") String tenantId,
      @QueryParam("after") String after,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX) int limit,
      @Context ContainerRequestContext request) {
    Callers.of(request).require(tenantId, "read");
    return domains
        .page(tenantId, after, limit + 1)
        .map(rows -> Page.of(rows, limit, views::of, d -> d.name));
  }

  @GET
  @Path("/{name}")
  public Uni<DomainResponse> get(
      @PathParam("tenantId") String tenantId,
      @PathParam("name") String name,
      @Context ContainerRequestContext request) {
    Callers.of(request).require(tenantId, "read");
    return domains.get(tenantId, name).map(views::of);
  }

  /**
   * Verifies the domain's DNS and SES status now. The queries block, so they run on a worker
   * thread; the method itself stays on the event loop, where authentication reads the database.
   */
  @POST
  @Path("/{name}/verify")
  @Consumes(MediaType.WILDCARD) // no body, or an optional JSON one
  public Uni<DomainResponse> verify(
      @PathParam("tenantId") String tenantId,
      @PathParam("name") String name,
      @Context ContainerRequestContext request) {
    Callers.of(request).require(tenantId, "admin");
    return Uni.createFrom()
        .item(() -> views.of(verification.verify(tenantId, name.toLowerCase())))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }

  /** Removes the domain: its SES identity is deleted, then it leaves tenant.state. */
  @DELETE
  @Path("/{name}")
  public Uni<Response> remove(
      @PathParam("tenantId") String tenantId,
      @PathParam("name") String name,
      @HeaderParam(Writes.KEY_HEADER) String idempotencyKey,
      @Context ContainerRequestContext request) {
    Caller caller = Callers.of(request);
    caller.require(tenantId, "admin");
    return writes.run(
        caller,
        idempotencyKey,
        "DELETE /v1/tenants/" + tenantId + "/domains/" + name,
        null,
        () -> domains.remove(tenantId, name).map(d -> Reply.of(202, views.of(d))));
  }
}
