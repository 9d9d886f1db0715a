package io.isolane.sending;

import io.isolane.contracts.events.Stream;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One send request, durably held for its tenant. */
@Entity
@Table(name = "message")
public class Message {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "tenant_id", nullable = false)
  public String tenantId;

  @Column(name = "message_id", nullable = false)
  public String messageId;

  /** Lower case: mailboxes match case-insensitively. */
  @Column(nullable = false)
  public String mailbox;

  /** Domain of the first To address (hourly caps per recipient domain). */
  @Column(name = "recipient_domain")
  public String recipientDomain;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Stream stream;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public MessageStatus status;

  @Column(name = "status_reason")
  public String statusReason;

  /** 0 for transactional, 1 for marketing: the scheduler sends lower first. */
  @Column(nullable = false)
  public short priority;

  @Column(name = "not_before")
  public Instant notBefore;

  @Column(name = "expires_at")
  public Instant expiresAt;

  /** The send request in its contract JSON form. */
  @Column(nullable = false)
  public String request;

  @Column(name = "received_at", nullable = false)
  public Instant receivedAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
