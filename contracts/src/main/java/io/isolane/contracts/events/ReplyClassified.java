package io.isolane.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The classification of one inbound reply ({@code reply.classified}, key = tenant id).
 *
 * @param replyId the inbound message's platform id
 * @param tenantId owning tenant
 * @param mailbox the tenant address the reply was sent to
 * @param sender who replied
 * @param inReplyTo platform message id the reply answers (null when unmatched)
 * @param category what it means
 * @param confidence 0..1
 * @param language ISO 639-1 code of the new text (null when unknown)
 * @param returnDate for out-of-office replies, the stated return date
 * @param classifiedAt when it was classified
 * @param needsAttention true when a person should answer at once (an interested reply)
 * @param referral for referrals, the address the reply points to
 * @param newText the reply's own words, quoted history and signature removed (at most 20,000
 *     characters)
 * @param evidence the headers, structures and phrases that decided the category
 * @param campaign the campaign tag of the message answered, when matched
 * @param originalRecipient the recipient of the message answered, when matched
 * @param bounce for bounces, what the delivery report says
 */
public record ReplyClassified(
    String replyId,
    String tenantId,
    String mailbox,
    String sender,
    String inReplyTo,
    ReplyCategory category,
    double confidence,
    String language,
    LocalDate returnDate,
    Instant classifiedAt,
    Boolean needsAttention,
    String referral,
    String newText,
    List<String> evidence,
    String campaign,
    String originalRecipient,
    BounceReport bounce)
    implements TenantEvent {

  /** The first published shape: classification only. */
  public ReplyClassified(
      String replyId,
      String tenantId,
      String mailbox,
      String sender,
      String inReplyTo,
      ReplyCategory category,
      double confidence,
      String language,
      LocalDate returnDate,
      Instant classifiedAt) {
    this(
        replyId,
        tenantId,
        mailbox,
        sender,
        inReplyTo,
        category,
        confidence,
        language,
        returnDate,
        classifiedAt,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * What a delivery report says.
   *
   * @param recipients the addresses that failed
   * @param status the DSN status (5.1.1, 4.2.2 ...)
   * @param hard true when the address itself is gone (the failure is permanent)
   * @param reason classified reason (userunknown, mailboxfull, blocked ...)
   * @param diagnostic the remote server's words
   */
  public record BounceReport(
      List<String> recipients, String status, boolean hard, String reason, String diagnostic) {}
}
