package io.isolane.sessimulator.events;

/**
 * What happens to one recipient of one message.
 *
 * @param kind delivered, bounced or suppressed
 * @param latencyMillis time from acceptance to delivery or bounce
 * @param delayed a DeliveryDelay precedes the delivery
 * @param complaint the recipient complains after delivery
 * @param open the recipient opens the message
 * @param autoReply the recipient's mailbox sends an RFC 3834 auto-reply (ooto@)
 * @param click the recipient clicks a link
 */
public record Fate(
    Kind kind,
    long latencyMillis,
    boolean delayed,
    boolean complaint,
    boolean open,
    boolean autoReply,
    boolean click) {

  /** Where the message ends. */
  public enum Kind {
    DELIVERED,
    HARD_BOUNCE,
    SOFT_BOUNCE,
    GLOBALLY_SUPPRESSED
  }

  Fate(
      Kind kind,
      long latencyMillis,
      boolean delayed,
      boolean complaint,
      boolean open,
      boolean autoReply) {
    this(kind, latencyMillis, delayed, complaint, open, autoReply, false);
  }
}
