package io.isolane.replies.messaging;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.replies.service.SentMessages;
import io.isolane.servicekit.messaging.Retries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Remembers sent messages (email.events SENT) so replies can be threaded to them. */
@ApplicationScoped
public class EmailEventConsumer {
  private final SentMessages sent;

  public EmailEventConsumer(SentMessages sent) {
    this.sent = sent;
  }

  @Incoming(Channels.EMAIL_EVENTS_IN)
  public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
    return Retries.untilDone(() -> sent.record(EventCodec.decode(EventTypes.EMAIL_EVENT, record)));
  }
}
