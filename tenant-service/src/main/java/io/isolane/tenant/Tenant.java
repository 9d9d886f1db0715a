package io.isolane.tenant;

import io.isolane.contracts.events.IsolationTier;
import io.isolane.contracts.events.TenantStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A customer with its own isolated sending lane. */
@Entity
@Table(name = "tenant")
public class Tenant {
  @Id public String id;

  @Column(nullable = false)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public IsolationTier tier;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public TenantStatus status;

  @Column(name = "status_reason")
  public String statusReason;

  @Column(name = "status_set_by")
  public String statusSetBy;

  @Column(name = "max_per_second", nullable = false)
  public int maxPerSecond;

  @Column(name = "max_per_day", nullable = false)
  public int maxPerDay;

  /** Bumped on every change; published as the tenant.state version. */
  @Column(nullable = false)
  public long version;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
