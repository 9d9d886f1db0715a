package io.isolane.servicekit.rest;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * The tenant an API key belongs to, as {@link ApiKeyAuthentication} authenticated it. Every query
 * of a tenant API is scoped by this tenant id; no request names the tenant itself.
 *
 * @param tenantId the key's tenant
 * @param keyId the key's public id
 */
public record ApiCaller(String tenantId, String keyId) {
  static final String PROPERTY = "isolane.api-caller";

  /** The caller of an authenticated {@code /v1} request. */
  public static ApiCaller of(ContainerRequestContext request) {
    Object caller = request.getProperty(PROPERTY);
    if (caller == null) {
      throw new IllegalStateException("no authenticated caller on a /v1 request");
    }
    return (ApiCaller) caller;
  }
}
