package io.isolane.tenant.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/** Admits {@link AdminOnly} calls that carry {@code Authorization: Bearer <admin token>}. */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthFilter implements ContainerRequestFilter {
  /** Request property holding the authenticated admin's name. */
  public static final String ADMIN = "isolane.admin";

  private static final String BEARER = "Bearer ";

  private final AdminTokens tokens;

  public AdminAuthFilter(AdminTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.startsWith(BEARER)) {
      deny(request, "an admin bearer token is required");
      return;
    }
    Optional<String> admin = tokens.admin(header.substring(BEARER.length()).trim());
    if (admin.isEmpty()) {
      deny(request, "the admin token is not valid");
      return;
    }
    request.setProperty(ADMIN, admin.get());
  }

  private static void deny(ContainerRequestContext request, String detail) {
    Response response =
        Problem.of(Response.Status.UNAUTHORIZED, "unauthorized", detail).toResponse();
    request.abortWith(
        Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
  }
}
