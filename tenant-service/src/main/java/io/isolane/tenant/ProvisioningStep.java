package io.isolane.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The latest outcome of one reconciliation step of a tenant (e.g. {@code identity:example.com}).
 */
@Entity
@Table(name = "provisioning_step")
@IdClass(ProvisioningStep.Key.class)
public class ProvisioningStep {
  @Id
  @Column(name = "tenant_id")
  public String tenantId;

  @Id public String step;

  /** done or failed. */
  @Column(nullable = false)
  public String outcome;

  public String detail;

  @Column(nullable = false)
  public int attempts;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  /** Composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    public String tenantId;
    public String step;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(tenantId, k.tenantId)
          && Objects.equals(step, k.step);
    }

    @Override
    public int hashCode() {
      return Objects.hash(tenantId, step);
    }
  }
}
