package io.isolane.feedback.messaging;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.feedback.service.SuppressionService;
import io.isolane.servicekit.messaging.Retries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds email.events to suppression; invalid records go to the dead-letter topic. */
@ApplicationScoped
public class EmailEventConsumer {
  private final SuppressionService suppression;

  public EmailEventConsumer(SuppressionService suppression) {
    this.suppression = suppression;
  }

  @Incoming(Channels.EMAIL_EVENTS_IN)
  public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
    return Retries.untilDone(
        () -> suppression.handle(EventCodec.decode(EventTypes.EMAIL_EVENT, record)));
  }
}
