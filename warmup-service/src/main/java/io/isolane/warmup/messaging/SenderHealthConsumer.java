package io.isolane.warmup.messaging;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.servicekit.messaging.Retries;
import io.isolane.warmup.service.HealthGate;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds sender.health to the gate; invalid records go to the dead-letter topic. */
@ApplicationScoped
public class SenderHealthConsumer {
  private final HealthGate gate;

  public SenderHealthConsumer(HealthGate gate) {
    this.gate = gate;
  }

  @Incoming(Channels.SENDER_HEALTH_IN)
  public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
    return Retries.untilDone(() -> gate.apply(EventCodec.decode(EventTypes.SENDER_HEALTH, record)));
  }
}
