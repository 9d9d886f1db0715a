package io.isolane.feedback;

import io.isolane.contracts.events.SuppressionReason;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** An address one tenant must not mail, and why. */
@Entity
@Table(name = "suppression")
@IdClass(Suppression.Key.class)
public class Suppression {
  @Id
  @Column(name = "tenant_id")
  public String tenantId;

  /** Lower-case address. */
  @Id public String address;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public SuppressionReason reason;

  @Column(name = "source_event_id")
  public String sourceEventId;

  @Column(name = "suppressed_at", nullable = false)
  public Instant suppressedAt;

  @Column(name = "expires_at")
  public Instant expiresAt;

  /** Primary key: tenant and address. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    public String tenantId;
    public String address;

    public Key() {}

    public Key(String tenantId, String address) {
      this.tenantId = tenantId;
      this.address = address;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && tenantId.equals(k.tenantId) && address.equals(k.address);
    }

    @Override
    public int hashCode() {
      return Objects.hash(tenantId, address);
    }
  }
}
