package io.isolane.warmup;

import io.isolane.contracts.events.SenderHealth;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The latest health feedback-service reported for one scope of a tenant (the tenant, a sending
 * domain or a mailbox); a sender's health is the worst of those that cover it.
 */
@Entity
@Table(name = "health_signal")
public class HealthSignal {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "tenant_id", nullable = false)
  public String tenantId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public SenderHealth.Scope scope;

  /** Mailbox or domain, lower case; empty for the tenant scope. */
  @Column(nullable = false)
  public String target;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public SenderHealth.Status status;

  @Column(nullable = false)
  public String reason;

  @Column(name = "observed_at", nullable = false)
  public Instant observedAt;
}
