package io.isolane.contracts.events;

import java.time.Instant;
import java.time.LocalDate;

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
    Instant classifiedAt)
    implements TenantEvent {}
