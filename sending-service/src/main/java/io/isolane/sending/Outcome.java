package io.isolane.sending;

import io.isolane.contracts.events.EmailEventType;
import java.time.Instant;

/**
 * What becomes of a claimed message: a terminal state, or back to the queue.
 *
 * @param claim the claimed message
 * @param status its new ledger status ({@code ACCEPTED} puts it back in the queue)
 * @param event the email.events type to publish, or null for none
 * @param reason why (SES's error, expired, paused ...), or null
 * @param sesMessageId SES's id when sent
 * @param notBefore when a re-queued message may be tried again, or null
 */
public record Outcome(
    Claim claim,
    MessageStatus status,
    EmailEventType event,
    String reason,
    String sesMessageId,
    Instant notBefore) {

  /** Sent; {@code note} says what was left out (suppressed recipients), or null. */
  public static Outcome sent(Claim claim, String sesMessageId, String note) {
    return new Outcome(claim, MessageStatus.SENT, EmailEventType.SENT, note, sesMessageId, null);
  }

  public static Outcome terminal(
      Claim claim, MessageStatus status, EmailEventType event, String reason) {
    return new Outcome(claim, status, event, reason, null, null);
  }

  /** Back to the queue, announced as deferred with the reason. */
  public static Outcome deferred(Claim claim, String reason, Instant notBefore) {
    return new Outcome(
        claim, MessageStatus.ACCEPTED, EmailEventType.DEFERRED, reason, null, notBefore);
  }
}
