package io.isolane.warmup.messaging;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.servicekit.messaging.Retries;
import io.isolane.warmup.service.SendActivity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Counts sends, hard bounces and complaints from email.events; invalid records are dead-lettered.
 */
@ApplicationScoped
public class EmailEventConsumer {
  private final SendActivity activity;

  public EmailEventConsumer(SendActivity activity) {
    this.activity = activity;
  }

  @Incoming(Channels.EMAIL_EVENTS_IN)
  public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
    return Retries.untilDone(
        () -> activity.count(EventCodec.decode(EventTypes.EMAIL_EVENT, record)));
  }
}
