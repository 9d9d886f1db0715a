package io.isolane.sending.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** What the API answers; statuses are lower case, as in the events. */
public final class ApiViews {
  private ApiViews() {}

  static String status(String status) {
    return status == null ? null : status.toLowerCase(Locale.ROOT);
  }

  /**
   * A submitted message.
   *
   * @param messageId the id the platform assigned
   * @param status submitted (the broker has it), pending (not acknowledged yet) or, on a replay,
   *     its current status
   */
  public record Submitted(String messageId, String status) {}

  /**
   * The answer to a batch, in request order.
   *
   * @param messages each message's id and status
   */
  public record SubmittedBatch(List<Submitted> messages) {}

  /**
   * A message and its history.
   *
   * @param messageId message id
   * @param status current status
   * @param statusReason why, for deferrals, failures, cancellations
   * @param mailbox From mailbox
   * @param stream transactional or marketing
   * @param sesMessageId SES's message id once sent
   * @param notBefore do not send before
   * @param expiresAt give up after
   * @param history every status change, oldest first
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record MessageView(
      String messageId,
      String status,
      String statusReason,
      String mailbox,
      String stream,
      String sesMessageId,
      Instant notBefore,
      Instant expiresAt,
      List<Change> history) {}

  /**
   * One status change.
   *
   * @param status the new status
   * @param reason why, when known
   * @param sesMessageId SES's message id (sent only)
   * @param at when
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Change(String status, String reason, String sesMessageId, Instant at) {}

  /**
   * The tenant's backlog.
   *
   * @param streams per stream
   * @param mailboxes per mailbox
   * @param arriving requests taken off send.requests in a burst and parked, not yet in the queue
   *     (nor in the counts above): they are taken in a poll's worth at a time
   * @param at when it was read
   */
  public record QueueView(
      List<QueueGroup> streams, List<QueueGroup> mailboxes, long arriving, Instant at) {}

  /**
   * Queued messages of one stream or mailbox.
   *
   * @param stream the stream (stream groups)
   * @param mailbox the mailbox (mailbox groups)
   * @param queued accepted plus awaiting
   * @param accepted queued in the tenant's lane
   * @param awaitingTenant waiting for the tenant's state
   * @param oldestQueuedAt when the oldest of them was taken in
   * @param earliestNotBefore the earliest notBefore among them
   * @param nextSendAt when the next of them may be sent
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record QueueGroup(
      String stream,
      String mailbox,
      long queued,
      long accepted,
      long awaitingTenant,
      Instant oldestQueuedAt,
      Instant earliestNotBefore,
      Instant nextSendAt) {}
}
