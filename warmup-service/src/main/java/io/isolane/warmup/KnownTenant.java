package io.isolane.warmup;

import io.isolane.contracts.events.IsolationTier;
import io.isolane.contracts.events.TenantStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What warm-up keeps of a tenant's state, and the plans its new senders are enrolled in. */
@Entity
@Table(name = "tenant")
public class KnownTenant {
  @Id
  @Column(name = "tenant_id")
  public String tenantId;

  /** tenant.state version last applied: older snapshots are ignored. */
  @Column(nullable = false)
  public long version;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public IsolationTier tier;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public TenantStatus status;

  /** The tenant's SES dedicated IP pools, comma-separated (dedicated tier only). */
  @Column(name = "ip_pools", nullable = false)
  public String ipPools = "";

  /** Plan for new mailboxes; null: the cold-outreach preset. */
  @Column(name = "mailbox_plan")
  public String mailboxPlan;

  /** Plan for new domains; null: the bulk-domain preset. */
  @Column(name = "domain_plan")
  public String domainPlan;
}
