package io.isolane.tenant.messaging;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.servicekit.messaging.Retries;
import io.isolane.tenant.service.TenantCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Applies tenant.commands. Idempotent by nature: pausing what is paused changes nothing, and one
 * tenant's commands arrive in order on its partition. Commands for unknown tenants or mailboxes go
 * to the dead-letter topic with the reason.
 */
@ApplicationScoped
public class TenantCommandConsumer {
  private final TenantCommands commands;

  public TenantCommandConsumer(TenantCommands commands) {
    this.commands = commands;
  }

  @Incoming(Channels.TENANT_COMMANDS_IN)
  public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
    return Retries.untilDone(
        () -> commands.apply(EventCodec.decode(EventTypes.TENANT_COMMAND, record).data()));
  }
}
