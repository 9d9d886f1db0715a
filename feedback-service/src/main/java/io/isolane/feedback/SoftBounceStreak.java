package io.isolane.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** How many transient bounces in a row an address of a tenant has had. */
@Entity
@Table(name = "soft_bounce_streak")
@IdClass(Suppression.Key.class)
public class SoftBounceStreak {
  @Id
  @Column(name = "tenant_id")
  public String tenantId;

  /** Lower-case address. */
  @Id public String address;

  @Column(nullable = false)
  public int consecutive;

  @Column(name = "last_at", nullable = false)
  public Instant lastAt;
}
