package io.isolane.tenant.rest;

import jakarta.ws.rs.container.ContainerRequestContext;

/** The caller {@link CallerFilter} authenticated for this request. */
final class Callers {
  private Callers() {}

  static Caller of(ContainerRequestContext request) {
    Object caller = request.getProperty(Caller.PROPERTY);
    if (caller == null) {
      throw new IllegalStateException("no authenticated caller on a /v1 request");
    }
    return (Caller) caller;
  }
}
