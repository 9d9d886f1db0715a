package io.isolane.warmup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** What one mailbox sent on one of its local days (email.events) and the replies it got. */
@Entity
@Table(name = "send_day")
public class SendDay {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "tenant_id", nullable = false)
  public String tenantId;

  @Column(nullable = false)
  public String mailbox;

  @Column(nullable = false)
  public LocalDate day;

  @Column(nullable = false)
  public long sent;

  @Column(name = "hard_bounces", nullable = false)
  public long hardBounces;

  @Column(nullable = false)
  public long complaints;

  /** Human replies received (reply.classified), not bounces or automatic replies. */
  @Column(nullable = false)
  public long replies;

  /** Of those, unsubscribes and not-interested replies. */
  @Column(name = "negative_replies", nullable = false)
  public long negativeReplies;
}
