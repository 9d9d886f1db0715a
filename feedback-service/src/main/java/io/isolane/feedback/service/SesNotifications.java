package io.isolane.feedback.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.isolane.contracts.ContractEvent;
import io.isolane.feedback.SnsMessage;
import io.isolane.feedback.repository.SentMessageRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * What a verified SES notification becomes: inbound mail goes to {@code inbound.replies}; feedback
 * on a sent message to {@code email.events}, attributed by the message's tags or else by its SES
 * message id as sending-service reported it.
 */
@ApplicationScoped
public class SesNotifications {
  /** How long a notification about a message not yet known here is retried rather than refused. */
  static final Duration SENT_EVENT_GRACE = Duration.ofMinutes(5);

  private final SesEvents sesEvents;
  private final Receipts receipts;
  private final SentMessageRepository sentMessages;

  public SesNotifications(
      SesEvents sesEvents, Receipts receipts, SentMessageRepository sentMessages) {
    this.sesEvents = sesEvents;
    this.receipts = receipts;
    this.sentMessages = sentMessages;
  }

  /** SNS should deliver this again later: the sent event it depends on has not arrived yet. */
  public static final class RetryLater extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RetryLater(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The events the record calls for; fails with {@link RejectedSnsMessage} (to dead-letter) or
   * {@link RetryLater}.
   */
  public Uni<List<? extends ContractEvent<?>>> eventsOf(SnsMessage m, JsonNode record) {
    if ("Received".equals(SesEvents.typeOf(record))) {
      return receipts.of(record).map(events -> events);
    }
    return attribution(m, record).map(a -> sesEvents.of(record, a));
  }

  private Uni<SesEvents.Attribution> attribution(SnsMessage m, JsonNode record) {
    var tagged = SesEvents.fromTags(record);
    if (tagged.isPresent()) {
      return Uni.createFrom().item(tagged.get());
    }
    String sesMessageId = record.path("mail").path("messageId").asText("");
    String type = SesEvents.typeOf(record);
    return sentMessages
        .find(sesMessageId)
        .map(
            found ->
                found.orElseThrow(
                    () ->
                        recent(m)
                            ? new RetryLater("SES message " + sesMessageId + " not known yet")
                            : new RejectedSnsMessage(
                                "no isolane tags on SES "
                                    + type
                                    + " and SES message id '"
                                    + sesMessageId
                                    + "' was never reported sent")));
  }

  private static boolean recent(SnsMessage m) {
    try {
      return Instant.parse(m.timestamp()).isAfter(Instant.now().minus(SENT_EVENT_GRACE));
    } catch (DateTimeParseException | NullPointerException e) {
      return false;
    }
  }
}
