package io.isolane.tenant.messaging;

import io.isolane.contracts.Topic;
import io.isolane.servicekit.outbox.TopicSink;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.inject.Singleton;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * The outbox's way out: tenant.state; an event that cannot be published goes to the dead-letter
 * topic with the reason.
 */
@Singleton
public class TenantEventSink extends TopicSink {
  public TenantEventSink(
      @Channel(Channels.TENANT_STATE_OUT) MutinyEmitter<byte[]> tenantState,
      @Channel(Channels.DEAD_LETTERS_OUT) MutinyEmitter<byte[]> deadLetters) {
    super(Map.of(Topic.TENANT_STATE, tenantState), deadLetters);
  }
}
