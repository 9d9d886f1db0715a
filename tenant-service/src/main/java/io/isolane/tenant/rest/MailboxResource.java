package io.isolane.tenant.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.isolane.tenant.Mailbox;
import io.isolane.tenant.rest.Writes.Reply;
import io.isolane.tenant.service.MailboxService;
import io.isolane.tenant.service.NewMailbox;
import io.smallrye.mutiny.Uni;
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

/** A tenant's mailboxes (sender identities) on its ready domains. */
@Path("/v1/tenants/{tenantId}/mailboxes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MailboxResource {
  private final MailboxService mailboxes;
  private final Writes writes;
  private final ObjectMapper json;

  public MailboxResource(MailboxService mailboxes, Writes writes, ObjectMapper json) {
    this.mailboxes = mailboxes;
    this.writes = writes;
    this.json = json;
  }

  /**
   * Body of {@code POST .../mailboxes}.
   *
   * @param address the sender address, on one of the tenant's ready domains
   * @param displayName display name in the From header
   * @param replyTo Reply-To address
   */
  public record AddMailbox(
      @NotBlank @Size(max = 320) String address,
      @Size(max = 200) String displayName,
      @Size(max = 320) String replyTo) {}

  @POST
  public Uni<Response> add(
      @PathParam("tenantId") String tenantId,
      @NotNull(message = "a JSON body is required") @Valid AddMailbox body,
      @HeaderParam(Writes.KEY_HEADER) String idempotencyKey,
      @Context ContainerRequestContext request,
      @Context UriInfo uri) {
    Caller caller = Callers.of(request);
    caller.require(tenantId, "admin");
    NewMailbox command = new NewMailbox(body.address(), body.displayName(), body.replyTo());
    return writes.run(
        caller,
        idempotencyKey,
        "POST /v1/tenants/" + tenantId + "/mailboxes",
        body,
        () ->
            mailboxes
                .add(tenantId, command)
                .map(
                    m ->
                        new Reply(
                            201,
                            MailboxResponse.of(m),
                            uri.getAbsolutePathBuilder().path(m.address).build())));
  }

  @GET
  public Uni<Page<MailboxResponse>> list(
      @PathParam("tenantId") String tenantId,
      @QueryParam("after") String after,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX) int limit,
      @Context ContainerRequestContext request) {
    Callers.of(request).require(tenantId, "read");
    return mailboxes
        .page(tenantId, after, limit + 1)
        .map(rows -> Page.of(rows, limit, MailboxResponse::of, m -> m.address));
  }

  @GET
  @Path("/{address}")
  public Uni<MailboxResponse> get(
      @PathParam("tenantId") String tenantId,
      @PathParam("address") String address,
      @Context ContainerRequestContext request) {
    Callers.of(request).require(tenantId, "read");
    return mailboxes.get(tenantId, address).map(MailboxResponse::of);
  }

  @POST
  @Path("/{address}/pause")
  @Consumes(MediaType.WILDCARD) // no body, or an optional JSON one
  public Uni<Response> pause(
      @PathParam("tenantId") String tenantId,
      @PathParam("address") String address,
      String body,
      @HeaderParam(Writes.KEY_HEADER) String idempotencyKey,
      @Context ContainerRequestContext request) {
    return changeStatus(
        tenantId, address, "pause", body, idempotencyKey, request, mailboxes::pause);
  }

  @POST
  @Path("/{address}/resume")
  @Consumes(MediaType.WILDCARD) // no body, or an optional JSON one
  public Uni<Response> resume(
      @PathParam("tenantId") String tenantId,
      @PathParam("address") String address,
      String body,
      @HeaderParam(Writes.KEY_HEADER) String idempotencyKey,
      @Context ContainerRequestContext request) {
    return changeStatus(
        tenantId, address, "resume", body, idempotencyKey, request, mailboxes::resume);
  }

  /** A pause or resume: who may, the optional reason, idempotency. */
  private Uni<Response> changeStatus(
      String tenantId,
      String address,
      String action,
      String body,
      String idempotencyKey,
      ContainerRequestContext request,
      StatusChange change) {
    Caller caller = Callers.of(request);
    caller.require(tenantId, "admin");
    String reason = TenantRequests.reason(body, action + " requested by " + caller.name(), json);
    return writes.run(
        caller,
        idempotencyKey,
        "POST /v1/tenants/" + tenantId + "/mailboxes/" + address + "/" + action,
        body,
        () ->
            change.apply(tenantId, address, reason).map(m -> Reply.of(200, MailboxResponse.of(m))));
  }

  /** Pause or resume in {@link MailboxService}. */
  private interface StatusChange {
    Uni<Mailbox> apply(String tenantId, String address, String reason);
  }

  @DELETE
  @Path("/{address}")
  public Uni<Response> remove(
      @PathParam("tenantId") String tenantId,
      @PathParam("address") String address,
      @HeaderParam(Writes.KEY_HEADER) String idempotencyKey,
      @Context ContainerRequestContext request) {
    Caller caller = Callers.of(request);
    caller.require(tenantId, "admin");
    return writes.run(
        caller,
        idempotencyKey,
        "DELETE /v1/tenants/" + tenantId + "/mailboxes/" + address,
        null,
        () -> mailboxes.remove(tenantId, address).replaceWith(Reply.of(204, null)));
  }
}
