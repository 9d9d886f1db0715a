package io.isolane.tenant.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.isolane.tenant.ApiKey;
import java.time.Instant;
import java.util.List;

/**
 * An API key as the API shows it; {@code key} (the secret) only in the response that created it.
 */
public record ApiKeyResponse(
    String keyId,
    String name,
    List<String> scopes,
    String createdBy,
    Instant createdAt,
    Instant lastUsedAt,
    Instant revokedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) String key) {
  static ApiKeyResponse of(ApiKey k) {
    return of(k, null);
  }

  static ApiKeyResponse of(ApiKey k, String secret) {
    return new ApiKeyResponse(
        k.keyId,
        k.name,
        k.scopeList(),
        k.createdBy,
        k.createdAt,
        k.lastUsedAt,
        k.revokedAt,
        secret);
  }
}
