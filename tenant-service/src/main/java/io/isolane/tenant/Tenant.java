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

  /** Desired: sending paused in SES (suspend). */
  @Column(nullable = false)
  public boolean suspended;

  /** Desired: the tenant and its SES resources go away. */
  @Column(name = "deletion_requested", nullable = false)
  public boolean deletionRequested;

  /** SES does not match the desired state yet; the reconciler will pick the tenant up. */
  @Column(name = "reconcile_pending", nullable = false)
  public boolean reconcilePending;

  /** Failed reconciliation attempts in a row (drives the backoff). */
  @Column(name = "reconcile_attempts", nullable = false)
  public int reconcileAttempts;

  /** Not before this time does the reconciler pick the tenant up again. */
  @Column(name = "next_reconcile_at")
  public Instant nextReconcileAt;

  /** The SES tenant (isolated and dedicated tiers), once created. */
  @Column(name = "ses_tenant_name")
  public String sesTenantName;

  /** The AWS account the SES resources live in, read from the SES tenant's ARN. */
  @Column(name = "ses_account_id")
  public String sesAccountId;

  /** Bumped on every change; published as the tenant.state version. */
  @Column(nullable = false)
  public long version;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
