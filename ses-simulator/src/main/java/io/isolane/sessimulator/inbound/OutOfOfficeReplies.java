package io.isolane.sessimulator.inbound;

import io.isolane.sessimulator.events.AutoReplies;
import io.isolane.sessimulator.events.EventPublisher;
import io.isolane.sessimulator.sending.OutgoingEmail;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The ooto@ mailbox's RFC 3834 auto-reply, addressed to the original Reply-To (or From) and
 * received through {@link Receiver}, as a real auto-reply reaches the sender's inbound domain.
 */
public final class OutOfOfficeReplies implements AutoReplies {
  private final Receiver receiver;

  public OutOfOfficeReplies(Receiver receiver) {
    this.receiver = receiver;
  }

  @Override
  public void reply(EventPublisher.Accepted message, String recipient) {
    OutgoingEmail email = message.email();
    String to = email.replyTo().isEmpty() ? email.fromHeader() : email.replyTo().get(0);
    String original = "<" + message.messageId() + "@email.amazonses.com>";
    String mime =
        "From: "
            + recipient
            + "\r\nTo: "
            + to
            + "\r\nSubject: Out of the office: "
            + (email.subject() == null ? "" : email.subject())
            + "\r\nDate: "
            + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC))
            + "\r\nMessage-ID: <ooto-"
            + message.messageId()
            + "@simulator.amazonses.com>\r\nIn-Reply-To: "
            + original
            + "\r\nReferences: "
            + original
            + "\r\nAuto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "I am out of the office and will reply when I am back.\r\n";
    receiver.receive(mime.getBytes(StandardCharsets.UTF_8));
  }
}
