package io.isolane.warmup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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
}
