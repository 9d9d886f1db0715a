package io.isolane.sending;

import io.isolane.contracts.events.TenantStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tenant's sending lane as known from tenant.state: whether and how fast it may send. */
@Entity
@Table(name = "tenant_lane")
public class TenantLane {
  @Id
  @Column(name = "tenant_id")
  public String tenantId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public TenantStatus status;

  @Column(name = "max_per_second", nullable = false)
  public int maxPerSecond;

  @Column(name = "max_per_day", nullable = false)
  public int maxPerDay;

  /** Version of the tenant.state this row reflects; older states are ignored. */
  @Column(name = "state_version", nullable = false)
  public long stateVersion;

  /** The tenant.state this row reflects, as contract JSON. */
  public String state;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  /** Whether messages may still be taken for this tenant (it exists and is not being deleted). */
  public boolean takesMessages() {
    return status != TenantStatus.DELETING
        && status != TenantStatus.DELETED
        && status != TenantStatus.FAILED;
  }
}
