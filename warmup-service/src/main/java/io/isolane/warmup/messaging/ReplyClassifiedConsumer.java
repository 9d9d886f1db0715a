package io.isolane.warmup.messaging;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.servicekit.messaging.Retries;
import io.isolane.warmup.service.ReplyActivity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Counts human and negative replies from reply.classified; invalid records are dead-lettered. */
@ApplicationScoped
public class ReplyClassifiedConsumer {
  private final ReplyActivity activity;

  public ReplyClassifiedConsumer(ReplyActivity activity) {
    this.activity = activity;
  }

  @Incoming(Channels.REPLY_CLASSIFIED_IN)
  public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
    return Retries.untilDone(
        () -> activity.count(EventCodec.decode(EventTypes.REPLY_CLASSIFIED, record)));
  }
}
