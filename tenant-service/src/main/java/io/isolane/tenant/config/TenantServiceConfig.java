package io.isolane.tenant.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Settings of tenant-service ({@code isolane.tenant.*}). */
@ConfigMapping(prefix = "isolane.tenant")
public interface TenantServiceConfig {

  /** Hex SHA-256 digests of the platform admin tokens; unset means no admin can log in. */
  Optional<List<String>> adminTokenSha256();

  /** Messages per second a new tenant may send when its request names no limit. */
  @WithDefault("10")
  int defaultMaxPerSecond();

  /** Messages per day a new tenant may send when its request names no limit. */
  @WithDefault("10000")
  int defaultMaxPerDay();

  /** CloudEvents source of the events this service publishes. */
  @WithDefault("/isolane/tenant-service")
  String eventSource();
}
