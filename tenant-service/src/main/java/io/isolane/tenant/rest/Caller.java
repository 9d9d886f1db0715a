package io.isolane.tenant.rest;

import io.isolane.tenant.service.NotFound;
import java.util.Set;

/**
 * Who is calling: a platform admin, or one tenant's API key with its scopes.
 *
 * @param name for audit fields: {@code admin:<digest prefix>} or {@code key:<key id>}
 * @param admin a platform admin (every tenant, every scope)
 * @param tenantId the key's tenant (null for admins)
 * @param scopes the key's scopes
 */
public record Caller(String name, boolean admin, String tenantId, Set<String> scopes) {
  /** Request property holding the caller. */
  public static final String PROPERTY = "isolane.caller";

  static Caller admin(String name) {
    return new Caller(name, true, null, Set.of());
  }

  /**
   * Admits the caller to the tenant's resources with the scope, else fails: another tenant's key
   * gets 404 as if the tenant did not exist, so existence never leaks.
   */
  void require(String tenant, String scope) {
    if (admin) {
      return;
    }
    if (!tenant.equals(tenantId)) {
      throw new NotFound("tenant", tenant);
    }
    if (!scopes.contains(scope)) {
      throw new Forbidden("this API key lacks the " + scope + " scope");
    }
  }

  void requireAdmin() {
    if (!admin) {
      throw new Forbidden("this operation needs a platform admin token");
    }
  }

  /** Admin only; another tenant's key still gets 404 for this tenant. */
  void requireAdmin(String tenant) {
    if (!admin && !tenant.equals(tenantId)) {
      throw new NotFound("tenant", tenant);
    }
    requireAdmin();
  }
}
