package io.isolane.tenant.messaging;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.Topic;
import io.isolane.contracts.kafka.ContractMessages;
import io.isolane.outbox.OutboxSink;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Routes outbox events to this service's outgoing channels. */
@ApplicationScoped
public class TenantEventSink implements OutboxSink {
  private final MutinyEmitter<byte[]> tenantState;

  public TenantEventSink(@Channel(Channels.TENANT_STATE_OUT) MutinyEmitter<byte[]> tenantState) {
    this.tenantState = tenantState;
  }

  @Override
  public Uni<Void> send(ContractEvent<?> event) {
    if (event.type().topic() != Topic.TENANT_STATE) {
      return Uni.createFrom()
          .failure(new IllegalStateException("no channel for " + event.type().topic()));
    }
    return tenantState.sendMessage(ContractMessages.of(event));
  }
}
