package io.isolane.sending.rest;

import io.isolane.sending.service.TenantDirectory;
import io.isolane.servicekit.rest.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every {@code /v1} call with the tenant's API key ({@code Authorization: Bearer
 * isk_...}), checked in memory against the digests tenant.state published. Reads need scope {@value
 * #READ}, writes (post, cancel) scope {@value #SEND}.
 */
public class ApiKeyFilter {
  static final String SEND = "send";
  static final String READ = "read";
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
    return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) ? READ : SEND;
  }

  private static Response deny(String detail) {
    Response problem =
        Problem.of(Response.Status.UNAUTHORIZED, "unauthorized", detail).toResponse();
    return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
  }
}
