package io.isolane.sending.messaging;

import io.isolane.sending.service.BatchIntake;
import io.isolane.servicekit.messaging.Retries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Hands each poll of send requests to the durable store in one transaction; the offsets are
 * committed only after that commit. Invalid commands go to the dead-letter topic with the reason.
 */
@ApplicationScoped
public class SendRequestConsumer {
  private final BatchIntake intake;

  public SendRequestConsumer(BatchIntake intake) {
    this.intake = intake;
  }

  @Incoming(Channels.SEND_REQUESTS_IN)
  public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
    return Retries.untilDone(() -> intake.intake(records));
  }
}
