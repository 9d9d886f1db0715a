package io.isolane.feedback.rest;

import io.isolane.feedback.service.TenantDirectory;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every {@code /v1} call with the tenant's API key ({@code Authorization: Bearer
 * isk_...}), checked in memory against the digests tenant.state published. Reads need scope {@code
 * read}; changes need {@code send}.
 */
public class ApiKeyFilter {
  private static final String BEARER = "Bearer ";

  private final TenantDirectory directory;

  public ApiKeyFilter(TenantDirectory directory) {
    this.directory = directory;
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
    return directory
        .authenticate(header.substring(BEARER.length()).trim())
        .map(
            key -> {
              if (key.isEmpty()) {
                return deny("the API key is not valid or was revoked");
              }
              String scope = scopeFor(request.getMethod());
              if (!key.get().scopes().contains(scope)) {
                return Problems.of(
                    403,
                    "Forbidden",
                    "Authorization",
                    "this API key lacks the " + scope + " scope");
              }
              request.setProperty(
                  ApiCaller.PROPERTY, new ApiCaller(key.get().tenantId(), key.get().keyId()));
              return null;
            });
  }

  private static String scopeFor(String method) {
    return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) ? "read" : "send";
  }

  private static Response deny(String detail) {
    Response problem = Problems.of(401, "Unauthorized", "Authorization", detail);
    return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
  }
}
