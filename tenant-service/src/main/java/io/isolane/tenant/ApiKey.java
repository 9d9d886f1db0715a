package io.isolane.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A tenant's API key; only the SHA-256 digest of its secret is kept. */
@Entity
@Table(name = "api_key")
public class ApiKey {
  @Id
  @Column(name = "key_id")
  public String keyId;

  @Column(name = "tenant_id", nullable = false)
  public String tenantId;

  @Column(nullable = false)
  public String name;

  /** Hex SHA-256 of the whole key as presented by the client. */
  @Column(nullable = false)
  public String sha256;

  /** Granted scopes, space separated. */
  @Column(nullable = false)
  public String scopes;

  @Column(name = "created_by", nullable = false)
  public String createdBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "revoked_at")
  public Instant revokedAt;

  @Column(name = "last_used_at")
  public Instant lastUsedAt;

  public List<String> scopeList() {
    return Arrays.asList(scopes.split(" "));
  }

  public boolean live() {
    return revokedAt == null;
  }
}
