package io.isolane.servicekit.rest;

import io.isolane.servicekit.auth.ApiKeys.ApiKey;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import java.util.Optional;

/**
 * Authenticates every {@code /v1} call of a tenant API with the tenant's API key ({@code
 * Authorization: Bearer isk_...}), checked against the digests tenant.state published: reads need
 * scope {@value #READ}, anything else the service's write scope. The caller is then {@link
 * ApiCaller#of}. A service subclasses it with its key lookup and declares the filter method.
 */
public abstract class ApiKeyAuthentication {
  /** The scope of {@code GET} and {@code HEAD}. */
  public static final String READ = "read";

  private static final String BEARER = "Bearer ";
  private final String writeScope;

  /** With the scope every call other than a read needs. */
  protected ApiKeyAuthentication(String writeScope) {
    this.writeScope = Objects.requireNonNull(writeScope, "writeScope");
  }

  /** The live key presented, or empty when it is unknown, revoked or malformed. */
  protected abstract Uni<Optional<ApiKey>> lookup(String presented);

  /** Null to let the request through, or the 401 / 403 problem that answers it. */
  protected Uni<Response> authenticate(ContainerRequestContext request) {
    if (!request.getUriInfo().getPath().startsWith("/v1/")) {
      return Uni.createFrom().nullItem();
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.startsWith(BEARER)) {
      return Uni.createFrom().item(deny("an API key is required as a bearer token"));
    }
    return lookup(header.substring(BEARER.length()).trim())
        .map(
            key ->
                key.isEmpty()
                    ? deny("the API key is not valid or was revoked")
                    : admit(request, key.get()));
  }

  private Response admit(ContainerRequestContext request, ApiKey key) {
    String method = request.getMethod();
    String scope =
        HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) ? READ : writeScope;
    if (!key.scopes().contains(scope)) {
      return Problem.of(
              Response.Status.FORBIDDEN, "forbidden", "this API key lacks the " + scope + " scope")
          .toResponse();
    }
    request.setProperty(ApiCaller.PROPERTY, new ApiCaller(key.tenantId(), key.keyId()));
    return null;
  }

  private static Response deny(String detail) {
    Response problem =
        Problem.of(Response.Status.UNAUTHORIZED, "unauthorized", detail).toResponse();
    return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
  }
}
