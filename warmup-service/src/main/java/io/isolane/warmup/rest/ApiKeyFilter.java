package io.isolane.warmup.rest;

import io.isolane.servicekit.auth.ApiKeys.ApiKey;
import io.isolane.servicekit.rest.ApiKeyAuthentication;
import io.isolane.warmup.service.ApiKeys;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * This service's API keys on every {@code /v1} call (see {@link ApiKeyAuthentication}), checked in
 * memory against the digests tenant.state published. Reads need scope {@code read}; changes to
 * plans and senders need scope {@value #ADMIN}.
 */
public class ApiKeyFilter extends ApiKeyAuthentication {
  static final String ADMIN = "admin";

  private final ApiKeys keys;

  public ApiKeyFilter(ApiKeys keys) {
    super(ADMIN);
    this.keys = keys;
  }

  @ServerRequestFilter
  public Uni<Response> filter(ContainerRequestContext request) {
    return authenticate(request);
  }

  @Override
  protected Uni<Optional<ApiKey>> lookup(String presented) {
    return keys.authenticate(presented);
  }
}
