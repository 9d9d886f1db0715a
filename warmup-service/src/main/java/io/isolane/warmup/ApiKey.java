package io.isolane.warmup;

import io.isolane.contracts.events.TenantState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** A live API key of a tenant, as tenant.state carries it: only the SHA-256 of the secret. */
@Entity
@Table(name = "api_key")
public class ApiKey {
  @Id
  @Column(name = "key_id")
  public String keyId;

  @Column(name = "tenant_id", nullable = false)
  public String tenantId;

  /** Hex SHA-256 of the whole key. */
  @Column(nullable = false)
  public String sha256;

  /** Granted scopes, comma-separated. */
  @Column(nullable = false)
  public String scopes;

  /** The live keys a tenant state carries. */
  public static List<ApiKey> allOf(TenantState state) {
    if (state.apiKeys() == null) {
      return List.of();
    }
    return state.apiKeys().stream()
        .map(
            k -> {
              ApiKey key = new ApiKey();
              key.keyId = k.keyId();
              key.tenantId = state.tenantId();
              key.sha256 = k.sha256().toLowerCase();
              key.scopes = String.join(",", k.scopes());
              return key;
            })
        .toList();
  }
}
