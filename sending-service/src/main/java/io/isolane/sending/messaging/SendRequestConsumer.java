package io.isolane.sending.messaging;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.sending.service.IntakeService;
import io.isolane.servicekit.messaging.Retries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Hands each send request to the durable store; the offset is committed only after that commit.
 * Invalid commands go to the dead-letter topic with the reason.
 */
@ApplicationScoped
public class SendRequestConsumer {
  private final IntakeService intake;

  public SendRequestConsumer(IntakeService intake) {
    this.intake = intake;
  }

  @Incoming(Channels.SEND_REQUESTS_IN)
  public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
    return Retries.untilDone(
        () -> intake.intake(EventCodec.decode(EventTypes.SEND_REQUEST, record)));
  }
}
