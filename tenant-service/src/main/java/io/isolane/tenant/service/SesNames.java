package io.isolane.tenant.service;

import io.isolane.contracts.events.IsolationTier;
import io.isolane.contracts.events.Stream;
import io.isolane.tenant.Tenant;
import io.isolane.tenant.config.TenantServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * Names of the SES resources of a tenant, derived from its id so that a rerun after a crash finds
 * what an earlier run created. SES names are limited to 64 characters: long ids are shortened with
 * a hash so that two tenants never share a name.
 */
@ApplicationScoped
public class SesNames {
  private static final int MAX = 64;
  private final String prefix;

  public SesNames(TenantServiceConfig config) {
    this.prefix = config.ses().namePrefix();
  }

  /** The SES tenant of an isolated or dedicated tenant, null for the shared tier. */
  public String sesTenant(Tenant tenant) {
    return tenant.tier == IsolationTier.SHARED ? null : fit(prefix + tenant.id, "");
  }

  /** The configuration set a stream of this tenant sends through. */
  public String configurationSet(Tenant tenant, Stream stream) {
    String suffix = "-" + stream.name().toLowerCase(Locale.ROOT);
    return tenant.tier == IsolationTier.SHARED
        ? prefix + "shared" + suffix
        : fit(prefix + tenant.id, suffix);
  }

  /** The dedicated IP pool of a stream of a dedicated tenant, else null. */
  public String dedicatedIpPool(Tenant tenant, Stream stream) {
    return tenant.tier == IsolationTier.DEDICATED ? configurationSet(tenant, stream) : null;
  }

  private static String fit(String base, String suffix) {
    if (base.length() + suffix.length() <= MAX) {
      return base + suffix;
    }
    String hash = Digests.sha256Hex(base).substring(0, 8);
    return base.substring(0, MAX - suffix.length() - hash.length() - 1) + "-" + hash + suffix;
  }
}
