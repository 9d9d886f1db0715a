package io.isolane.warmup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A mailbox's place in its warm-up plan. */
@Entity
@Table(name = "sender_warmup")
public class SenderWarmup {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "tenant_id", nullable = false)
  public String tenantId;

  @Column(nullable = false)
  public String mailbox;

  /** Name of the plan, e.g. {@code cold-outreach}. */
  @Column(nullable = false)
  public String plan;

  /** 1-based stage within the plan. */
  @Column(nullable = false)
  public int stage;

  /** The cap of the current stage. */
  @Column(name = "daily_cap", nullable = false)
  public int dailyCap;

  @Column(name = "enrolled_at", nullable = false)
  public Instant enrolledAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
