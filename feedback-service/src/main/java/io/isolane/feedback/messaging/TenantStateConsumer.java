package io.isolane.feedback.messaging;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.feedback.repository.TenantRepository;
import io.isolane.servicekit.messaging.Retries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the tenant table at each tenant's latest tenant.state (replays change nothing). */
@ApplicationScoped
public class TenantStateConsumer {
  private final TenantRepository tenants;

  public TenantStateConsumer(TenantRepository tenants) {
    this.tenants = tenants;
  }

  @Incoming(Channels.TENANT_STATE_IN)
  public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
    return Retries.untilDone(
        () -> tenants.save(EventCodec.decode(EventTypes.TENANT_STATE, record).data()));
  }
}
