package io.isolane.warmup;

import io.isolane.contracts.events.IsolationTier;
import io.isolane.contracts.events.TenantStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

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

  /** Who warms the tenant's dedicated IPs. */
  @Enumerated(EnumType.STRING)
  @Column(name = "ip_warmup", nullable = false)
  public IpWarmup ipWarmup = IpWarmup.SES;

  /** When the discovery job last listed the tenant's pools; null: due at once. */
  @Column(name = "ips_discovered_at")
  public Instant ipsDiscoveredAt;
}
