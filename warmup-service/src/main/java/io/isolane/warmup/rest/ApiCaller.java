package io.isolane.warmup.rest;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * The tenant an API key belongs to, as {@link ApiKeyFilter} authenticated it. Every query of the
 * API is scoped by this tenant id; a request never names the tenant.
 *
 * @param tenantId the key's tenant
 * @param keyId the key's public id
 */
public record ApiCaller(String tenantId, String keyId) {
  static final String PROPERTY = "isolane.api-caller";

  static ApiCaller of(ContainerRequestContext request) {
    Object caller = request.getProperty(PROPERTY);
    if (caller == null) {
      throw new IllegalStateException("no authenticated caller on a /v1 request");
    }
    return (ApiCaller) caller;
  }
}
