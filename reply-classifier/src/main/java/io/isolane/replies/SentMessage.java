package io.isolane.replies;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message the platform sent, as email.events announced it: what replies are matched to. */
@Entity
@Table(name = "sent_message")
public class SentMessage {
  /** SES message id: its Message-ID header is {@code <sesMessageId@...amazonses.com>}. */
  @Id
  @Column(name = "ses_message_id")
  public String sesMessageId;

  @Column(name = "tenant_id", nullable = false)
  public String tenantId;

  /** Platform message id. */
  @Column(name = "message_id", nullable = false)
  public String messageId;

  @Column(nullable = false)
  public String mailbox;

  /** The recipient the message went to. */
  public String recipient;

  /** The message's {@code campaign} tag, when it has one. */
  public String campaign;

  @Column(name = "sent_at", nullable = false)
  public Instant sentAt;
}
