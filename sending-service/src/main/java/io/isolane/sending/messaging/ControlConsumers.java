package io.isolane.sending.messaging;

import io.isolane.contracts.EventTypes;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.sending.service.LocalViews;
import io.isolane.servicekit.messaging.Retries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * suppressions, mailbox.limits, domain.limits and tenant.commands into the local views the
 * scheduler checks. Invalid records go to the dead-letter topic with the reason.
 */
@ApplicationScoped
public class ControlConsumers {
  private final LocalViews views;

  public ControlConsumers(LocalViews views) {
    this.views = views;
  }

  @Incoming(Channels.SUPPRESSIONS_IN)
  public Uni<Void> suppression(ConsumerRecord<String, byte[]> record) {
    return Retries.untilDone(
        () -> views.suppression(EventCodec.decode(EventTypes.SUPPRESSION, record)));
  }

  @Incoming(Channels.MAILBOX_LIMITS_IN)
  public Uni<Void> limits(ConsumerRecord<String, byte[]> record) {
    return Retries.untilDone(
        () -> views.limits(EventCodec.decode(EventTypes.MAILBOX_LIMITS, record)));
  }

  @Incoming(Channels.DOMAIN_LIMITS_IN)
  public Uni<Void> domainLimits(ConsumerRecord<String, byte[]> record) {
    return Retries.untilDone(
        () -> views.domainLimits(EventCodec.decode(EventTypes.DOMAIN_LIMITS, record)));
  }

  @Incoming(Channels.TENANT_COMMANDS_IN)
  public Uni<Void> command(ConsumerRecord<String, byte[]> record) {
    return Retries.untilDone(
        () -> views.command(EventCodec.decode(EventTypes.TENANT_COMMAND, record)));
  }
}
