package io.isolane.feedback.rest;

import io.isolane.feedback.service.TenantDirectory;
import io.isolane.servicekit.auth.ApiKeys.ApiKey;
import io.isolane.servicekit.rest.ApiKeyAuthentication;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * This service's API keys on every {@code /v1} call (see {@link ApiKeyAuthentication}), checked in
 * memory against the digests tenant.state published. Reads need scope {@code read}, changes scope
 * {@value #SEND}.
 */
public class ApiKeyFilter extends ApiKeyAuthentication {
  static final String SEND = "send";

  private final TenantDirectory directory;

  public ApiKeyFilter(TenantDirectory directory) {
    super(SEND);
    this.directory = directory;
  }

  @ServerRequestFilter
  public Uni<Response> filter(ContainerRequestContext request) {
    return authenticate(request);
  }

  @Override
  protected Uni<Optional<ApiKey>> lookup(String presented) {
    return directory.authenticate(presented);
  }
}
