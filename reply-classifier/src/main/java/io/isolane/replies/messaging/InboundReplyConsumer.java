package io.isolane.replies.messaging;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.replies.service.ClassificationService;
import io.isolane.servicekit.messaging.Retries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Classifies inbound replies; invalid or unreadable ones go to the dead-letter topic. */
@ApplicationScoped
public class InboundReplyConsumer {
  private final ClassificationService classification;

  public InboundReplyConsumer(ClassificationService classification) {
    this.classification = classification;
  }

  @Incoming(Channels.INBOUND_REPLIES_IN)
  public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
    return Retries.untilDone(
        () -> classification.classify(EventCodec.decode(EventTypes.INBOUND_REPLY, record)));
  }
}
