package io.isolane.warmup.messaging;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.servicekit.messaging.Retries;
import io.isolane.warmup.service.EnrollmentService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Applies tenant.state (new senders are enrolled); invalid records go to the dead-letter topic. */
@ApplicationScoped
public class TenantStateConsumer {
  private final EnrollmentService enrollment;

  public TenantStateConsumer(EnrollmentService enrollment) {
    this.enrollment = enrollment;
  }

  @Incoming(Channels.TENANT_STATE_IN)
  public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
    return Retries.untilDone(
        () -> enrollment.apply(EventCodec.decode(EventTypes.TENANT_STATE, record)));
  }
}
