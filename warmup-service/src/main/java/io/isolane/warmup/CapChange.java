package io.isolane.warmup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One decision about a sender's cap, with its reason. One {@code daily} row per sender and day at
 * most (a unique index): the guard against computing a day twice.
 */
@Entity
@Table(name = "cap_history")
public class CapChange {
  /** The daily computation; other triggers are enrolment, feedback and the API. */
  public static final String DAILY = "daily";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "sender_id", nullable = false)
  public Long senderId;

  /** The sender's local day the cap applies to. */
  @Column(nullable = false)
  public LocalDate day;

  /** What triggered it: daily, enrolled, health, api. */
  @Column(nullable = false)
  public String trigger;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Decision.Kind decision;

  @Column(name = "daily_cap", nullable = false)
  public int dailyCap;

  @Column(nullable = false)
  public int stage;

  @Column(name = "plan_day", nullable = false)
  public int planDay;

  @Column(nullable = false)
  public String reason;

  @Column(name = "decided_at", nullable = false)
  public Instant decidedAt;

  /** The history row of a decision. */
  public static CapChange of(
      SenderWarmup sender, LocalDate day, String trigger, Decision d, Instant now) {
    CapChange change = new CapChange();
    change.senderId = sender.id;
    change.day = day;
    change.trigger = trigger;
    change.decision = d.kind();
    change.dailyCap = d.dailyCap();
    change.stage = d.stage();
    change.planDay = d.planDay();
    change.reason = d.reason();
    change.decidedAt = now;
    return change;
  }
}
