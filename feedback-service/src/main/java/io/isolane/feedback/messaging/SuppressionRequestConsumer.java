package io.isolane.feedback.messaging;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.feedback.service.SuppressionService;
import io.isolane.servicekit.messaging.Retries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Applies suppression.requests; invalid records go to the dead-letter topic with the reason. */
@ApplicationScoped
public class SuppressionRequestConsumer {
  private final SuppressionService suppression;

  public SuppressionRequestConsumer(SuppressionService suppression) {
    this.suppression = suppression;
  }

  @Incoming(Channels.SUPPRESSION_REQUESTS_IN)
  public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
    return Retries.untilDone(
        () -> suppression.apply(EventCodec.decode(EventTypes.SUPPRESSION_REQUEST, record)));
  }
}
