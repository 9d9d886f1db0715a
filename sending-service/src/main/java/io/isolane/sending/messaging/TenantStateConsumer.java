package io.isolane.sending.messaging;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.sending.service.TenantLaneService;
import io.isolane.servicekit.messaging.Retries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Applies tenant.state; invalid records go to the dead-letter topic with the reason. */
@ApplicationScoped
public class TenantStateConsumer {
  private final TenantLaneService lanes;

  public TenantStateConsumer(TenantLaneService lanes) {
    this.lanes = lanes;
  }

  @Incoming(Channels.TENANT_STATE_IN)
  public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
    return Retries.untilDone(() -> lanes.apply(EventCodec.decode(EventTypes.TENANT_STATE, record)));
  }
}
