package io.isolane.feedback.messaging;

import io.isolane.contracts.EventTypes;
import io.isolane.feedback.service.EmailEventSuppression;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds email.events to suppression a poll at a time; unreadable records are dead-lettered. */
@ApplicationScoped
public class EmailEventConsumer {
  private final EmailEventSuppression suppression;
  private final DeadLetters deadLetters;

  public EmailEventConsumer(EmailEventSuppression suppression, DeadLetters deadLetters) {
    this.suppression = suppression;
    this.deadLetters = deadLetters;
  }

  @Incoming(Channels.EMAIL_EVENTS_IN)
  public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
    return BatchRecords.handle(EventTypes.EMAIL_EVENT, records, deadLetters, suppression::handle);
  }
}
