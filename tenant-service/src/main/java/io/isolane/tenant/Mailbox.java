package io.isolane.tenant;

import io.isolane.contracts.events.MailboxStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A sender identity on one of the tenant's ready domains. */
@Entity
@Table(name = "mailbox")
public class Mailbox {
  /** Local part as given, domain in A-label form. */
  @Id public String address;

  @Column(name = "tenant_id", nullable = false)
  public String tenantId;

  @Column(nullable = false)
  public String domain;

  @Column(name = "display_name")
  public String displayName;

  @Column(name = "reply_to")
  public String replyTo;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public MailboxStatus status;

  @Column(name = "status_reason")
  public String statusReason;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
