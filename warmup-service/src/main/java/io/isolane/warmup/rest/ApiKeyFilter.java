package io.isolane.warmup.rest;

import io.isolane.servicekit.rest.Problem;
import io.isolane.warmup.service.ApiKeys;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every {@code /v1} call with the tenant's API key ({@code Authorization: Bearer
 * isk_...}) against the digests tenant.state published. Reads need scope {@value #READ}; changes to
 * plans and senders need scope {@value #ADMIN}.
 */
public class ApiKeyFilter {
  static final String READ = "read";
  static final String ADMIN = "admin";
  private static final String BEARER = "Bearer ";

  private final ApiKeys keys;

  public ApiKeyFilter(ApiKeys keys) {
    this.keys = keys;
  }

  @ServerRequestFilter
  public Uni<Response> authenticate(ContainerRequestContext request) {
    if (!request.getUriInfo().getPath().startsWith("/v1/")) {
      return Uni.createFrom().nullItem();
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.startsWith(BEARER)) {
      return Uni.createFrom().item(deny("an API key is required as a bearer token"));
    }
    return keys.authenticate(header.substring(BEARER.length()).trim())
        .map(
            key -> {
              if (key.isEmpty()) {
                return deny("the API key is not valid or was revoked");
              }
              String scope = scopeFor(request.getMethod());
              if (!key.get().scopes().contains(scope)) {
                return Problem.of(
                        Response.Status.FORBIDDEN,
                        "forbidden",
                        "this API key lacks the " + scope + " scope")
                    .toResponse();
              }
              request.setProperty(
                  ApiCaller.PROPERTY, new ApiCaller(key.get().tenantId(), key.get().keyId()));
              return null;
            });
  }

  private static String scopeFor(String method) {
    return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) ? READ : ADMIN;
  }

  private static Response deny(String detail) {
    Response problem =
        Problem.of(Response.Status.UNAUTHORIZED, "unauthorized", detail).toResponse();
    return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
  }
}
