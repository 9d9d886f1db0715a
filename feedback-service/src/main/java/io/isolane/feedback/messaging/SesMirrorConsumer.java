package io.isolane.feedback.messaging;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.feedback.service.SesSuppressionMirror;
import io.isolane.servicekit.messaging.Retries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Mirrors this service's own suppressions into SES tenants' suppression lists. */
@ApplicationScoped
public class SesMirrorConsumer {
  private final SesSuppressionMirror mirror;

  public SesMirrorConsumer(SesSuppressionMirror mirror) {
    this.mirror = mirror;
  }

  @Incoming(Channels.SES_MIRROR_IN)
  public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
    return Retries.untilDone(() -> mirror.apply(EventCodec.decode(EventTypes.SUPPRESSION, record)));
  }
}
