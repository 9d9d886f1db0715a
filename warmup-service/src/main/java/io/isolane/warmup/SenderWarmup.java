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

/** A sender's (mailbox's or domain's) place in its warm-up plan. */
@Entity
@Table(name = "sender_warmup")
public class SenderWarmup {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "tenant_id", nullable = false)
  public String tenantId;

  /** Mailbox address or domain name, lower case. */
  @Column(nullable = false)
  public String sender;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public SenderKind kind;

  /** Name of the plan, e.g. {@code cold-outreach}. */
  @Column(nullable = false)
  public String plan;

  /** Warm-up day within the plan, 1-based: advances one per healthy day. */
  @Column(name = "plan_day", nullable = false)
  public int planDay;

  /** 1-based stage within the plan. */
  @Column(nullable = false)
  public int stage;

  /** Today's cap. */
  @Column(name = "daily_cap", nullable = false)
  public int dailyCap;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Phase phase;

  /** Held by the tenant through the API. */
  @Column(nullable = false)
  public boolean paused;

  /** Cut back for a breach that has not healed yet: a second breach does not cut again. */
  @Column(name = "cut_back", nullable = false)
  public boolean cutBack;

  /** IANA zone of the sender's days (and of its sending window). */
  @Column(name = "time_zone", nullable = false)
  public String timeZone;

  /** The last local day whose cap was computed: a day is computed once, whoever computes it. */
  @Column(name = "last_computed_day", nullable = false)
  public LocalDate lastComputedDay;

  /** Idle days count from the later of this and the last send (enrolment, re-entry, resume). */
  @Column(name = "active_since", nullable = false)
  public LocalDate activeSince;

  /** Why the cap is what it is. */
  @Column(nullable = false)
  public String reason;

  /** Why tenant.state holds the sender (mailbox paused, tenant suspended); null: it does not. */
  @Column(name = "held_by_state")
  public String heldByState;

  /** No longer in tenant.state: its days are no longer computed. */
  @Column(nullable = false)
  public boolean retired;

  /** Dedicated IPs: SES no longer lists it in a pool of the tenant (retired until it returns). */
  @Column(name = "left_pool", nullable = false)
  public boolean leftPool;

  /** Dedicated IPs: the SES warm-up percentage today's cap stands for (cap / plan target). */
  @Column(name = "ip_warmup_percent")
  public Integer ipWarmupPercent;

  /** Dedicated IPs: the percentage SES last acknowledged (null: never set). */
  @Column(name = "ses_warmup_percent")
  public Integer sesWarmupPercent;

  @Column(name = "enrolled_at", nullable = false)
  public Instant enrolledAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  /** Applies a decision. */
  public void apply(Decision d, Instant now) {
    planDay = d.planDay();
    stage = d.stage();
    dailyCap = d.dailyCap();
    phase = d.phase();
    cutBack = d.cutBack();
    reason = d.reason();
    updatedAt = now;
  }

  /** The domain part of a mailbox, or the domain itself. */
  public String domain() {
    int at = sender.lastIndexOf('@');
    return at < 0 ? sender : sender.substring(at + 1);
  }
}
