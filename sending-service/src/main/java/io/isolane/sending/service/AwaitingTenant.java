package io.isolane.sending.service;

import io.isolane.contracts.events.EmailEventType;
import io.isolane.sending.Message;
import io.isolane.sending.MessageStatus;
import io.isolane.sending.TenantLane;
import io.isolane.servicekit.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Settles requests that arrived before their tenant's state (stored as waiting by {@link
 * BatchIntake}) and publishes their first lifecycle event.
 */
@ApplicationScoped
public class AwaitingTenant {
  private final Outbox outbox;
  private final LifecycleEvents events;

  public AwaitingTenant(Outbox outbox, LifecycleEvents events) {
    this.outbox = outbox;
    this.events = events;
  }

  /** Publishes the message's first lifecycle event, if its tenant is known. */
  Uni<Void> announce(Message message) {
    return switch (message.status) {
      case ACCEPTED -> outbox.add(events.of(message, EmailEventType.ACCEPTED, null));
      case FAILED -> outbox.add(events.of(message, EmailEventType.FAILED, message.statusReason));
      default -> Uni.createFrom().voidItem(); // waiting for its tenant: announced once settled
    };
  }

  /** Settles a message that waited for its tenant, now that the tenant's lane is known. */
  static void settle(Message message, TenantLane lane) {
    if (lane.takesMessages()) {
      message.status = MessageStatus.ACCEPTED;
      message.statusReason = null;
    } else {
      message.status = MessageStatus.FAILED;
      message.statusReason = "tenant " + lane.status.name().toLowerCase();
    }
    message.updatedAt = Instant.now();
  }
}
