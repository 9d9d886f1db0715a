package io.isolane.tenant.rest;

import io.isolane.tenant.rest.Writes.Reply;
import io.isolane.tenant.service.ApiKeyService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.util.List;

/** A tenant's API keys: the secret is shown once, at creation. */
@Path("/v1/tenants/{tenantId}/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiKeyResource {
  private final ApiKeyService keys;
  private final Writes writes;

  public ApiKeyResource(ApiKeyService keys, Writes writes) {
    this.keys = keys;
    this.writes = writes;
  }

  /**
   * Body of {@code POST .../api-keys}.
   *
   * @param name what the key is for
   * @param scopes send, read and/or admin
   */
  public record CreateKey(
      @NotBlank @Size(max = 200) String name,
      @NotEmpty
          List<
                  @NotNull
                  @Pattern(regexp = "send|read|admin", message = "must be send, read or admin")
                  String>
              scopes) {}

  /**
   * Creates a key and shows its secret once. A replay of the same Idempotency-Key returns the key's
   * metadata without the secret, which is never stored.
   */
  @POST
  public Uni<Response> create(
      @PathParam("tenantId") String tenantId,
      @NotNull(message = "a JSON body is required") @Valid CreateKey body,
      @HeaderParam(Writes.KEY_HEADER) String idempotencyKey,
      @Context ContainerRequestContext request) {
    Caller caller = Callers.of(request);
    caller.require(tenantId, "admin");
    return writes.run(
        caller,
        idempotencyKey,
        "POST /v1/tenants/" + tenantId + "/api-keys",
        body,
        () ->
            keys.create(tenantId, body.name(), body.scopes(), caller.name())
                .map(
                    k ->
                        new Reply(
                            201,
                            ApiKeyResponse.of(k.stored(), k.key()),
                            null,
                            ApiKeyResponse.of(k.stored()))));
  }

  @GET
  public Uni<Page<ApiKeyResponse>> list(
      @PathParam("tenantId") String tenantId,
      @QueryParam("after") String after,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX) int limit,
      @Context ContainerRequestContext request) {
    Callers.of(request).require(tenantId, "read");
    return keys.page(tenantId, after, limit + 1)
        .map(rows -> Page.of(rows, limit, ApiKeyResponse::of, k -> k.keyId));
  }

  /** Revokes the key; it stops working at once here and, through tenant.state, everywhere. */
  @DELETE
  @Path("/{keyId}")
  public Uni<Response> revoke(
      @PathParam("tenantId") String tenantId,
      @PathParam("keyId") String keyId,
      @HeaderParam(Writes.KEY_HEADER) String idempotencyKey,
      @Context ContainerRequestContext request) {
    Caller caller = Callers.of(request);
    caller.require(tenantId, "admin");
    return writes.run(
        caller,
        idempotencyKey,
        "DELETE /v1/tenants/" + tenantId + "/api-keys/" + keyId,
        null,
        () -> keys.revoke(tenantId, keyId).map(k -> Reply.of(200, ApiKeyResponse.of(k))));
  }
}
