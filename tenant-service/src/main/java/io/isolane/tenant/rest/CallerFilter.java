package io.isolane.tenant.rest;

import io.isolane.tenant.service.ApiKeyService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.HashSet;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every {@code /v1} call: {@code Authorization: Bearer} with a platform admin token
 * or a tenant API key ({@code isk_...}, checked against its stored digest).
 */
public class CallerFilter {
  private static final String BEARER = "Bearer ";

  private final AdminTokens admins;
  private final ApiKeyService keys;

  public CallerFilter(AdminTokens admins, ApiKeyService keys) {
    this.admins = admins;
    this.keys = keys;
  }

  @ServerRequestFilter
  public Uni<Response> authenticate(ContainerRequestContext request) {
    if (!request.getUriInfo().getPath().startsWith("/v1/")) {
      return Uni.createFrom().nullItem();
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.startsWith(BEARER)) {
      return deny("an admin token or API key is required as a bearer token");
    }
    String token = header.substring(BEARER.length()).trim();
    if (token.startsWith("isk_")) {
      return keys.authenticate(token)
          .flatMap(
              key -> {
                if (key.isEmpty()) {
                  return deny("the API key is not valid or was revoked");
                }
                var k = key.get();
                request.setProperty(
                    Caller.PROPERTY,
                    new Caller("key:" + k.keyId, false, k.tenantId, new HashSet<>(k.scopeList())));
                return Uni.createFrom().nullItem();
              });
    }
    Optional<String> admin = admins.admin(token);
    if (admin.isEmpty()) {
      return deny("the admin token is not valid");
    }
    request.setProperty(Caller.PROPERTY, Caller.admin(admin.get()));
    return Uni.createFrom().nullItem();
  }

  private static Uni<Response> deny(String detail) {
    Response problem =
        Problem.of(Response.Status.UNAUTHORIZED, "unauthorized", detail).toResponse();
    return Uni.createFrom()
        .item(
            Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
  }
}
