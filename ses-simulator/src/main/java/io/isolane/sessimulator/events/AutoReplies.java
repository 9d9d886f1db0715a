package io.isolane.sessimulator.events;

/** Where a recipient's automatic reply (ooto@) goes: the inbound side of the simulator. */
@FunctionalInterface
public interface AutoReplies {
  /** The recipient's mailbox answers {@code message} with an RFC 3834 auto-reply. */
  void reply(EventPublisher.Accepted message, String recipient);
}
