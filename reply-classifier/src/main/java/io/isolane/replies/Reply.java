package io.isolane.replies;

import io.isolane.contracts.events.ReplyCategory;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** An inbound reply and what it was classified as. */
@Entity
@Table(name = "reply")
public class Reply {
  @Id
  @Column(name = "reply_id")
  public String replyId;

  @Column(name = "tenant_id", nullable = false)
  public String tenantId;

  /** The tenant address the reply was sent to. */
  @Column(nullable = false)
  public String mailbox;

  public String sender;

  public String subject;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ReplyCategory category;

  @Column(nullable = false)
  public double confidence;

  /** ISO 639-1 code of the reply's own text, when known. */
  public String language;

  @Column(name = "return_date")
  public LocalDate returnDate;

  /** The address a referral points to. */
  public String referral;

  @Column(name = "bounce_status")
  public String bounceStatus;

  @Column(name = "bounce_reason")
  public String bounceReason;

  @Column(name = "bounce_hard")
  public Boolean bounceHard;

  /** Platform id of the sent message this reply answers (null when unmatched). */
  @Column(name = "in_reply_to")
  public String inReplyTo;

  /** The answered message's campaign tag. */
  public String campaign;

  /** The recipient the answered message was sent to. */
  @Column(name = "original_recipient")
  public String originalRecipient;

  /** What decided the category, one item per line. */
  public String evidence;

  @Column(name = "received_at", nullable = false)
  public Instant receivedAt;

  @Column(name = "classified_at", nullable = false)
  public Instant classifiedAt;
}
