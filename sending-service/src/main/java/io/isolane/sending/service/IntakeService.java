package io.isolane.sending.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.events.Stream;
import io.isolane.sending.Claim;
import io.isolane.sending.Message;
import io.isolane.sending.MessageStatus;
import io.isolane.sending.TenantLane;
import io.isolane.sending.repository.MessageRepository;
import io.isolane.sending.repository.TenantLaneRepository;
import io.isolane.servicekit.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Locale;

/**
 * Takes send requests off the topic into the durable per-tenant store, never waiting on a tenant's
 * limits. A request is stored exactly once per (tenant, message id); its accepted or failed event
 * commits with it.
 */
@ApplicationScoped
public class IntakeService {
  private final MessageRepository messages;
  private final TenantLaneRepository lanes;
  private final Outbox outbox;
  private final LifecycleEvents events;
  private final Lanes scheduling;

  public IntakeService(
      MessageRepository messages,
      TenantLaneRepository lanes,
      Outbox outbox,
      LifecycleEvents events,
      Lanes scheduling) {
    this.messages = messages;
    this.lanes = lanes;
    this.outbox = outbox;
    this.events = events;
    this.scheduling = scheduling;
  }

  /** Stores the request unless it was seen before. */
  @WithTransaction
  public Uni<Void> intake(ContractEvent<SendRequest> event) {
    SendRequest request = event.data();
    return messages
        .find(request.tenantId(), request.messageId())
        .chain(seen -> seen != null ? Uni.createFrom().voidItem() : store(request))
        .invoke(() -> scheduling.backlog(request.tenantId()));
  }

  private Uni<Void> store(SendRequest request) {
    return lanes
        .findById(request.tenantId())
        .map(lane -> newMessage(request, lane))
        .call(messages::persist)
        .chain(this::announce);
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

  private static Message newMessage(SendRequest request, TenantLane lane) {
    Message message = new Message();
    message.tenantId = request.tenantId();
    message.messageId = request.messageId();
    message.mailbox = request.mailbox().toLowerCase(Locale.ROOT);
    message.recipientDomain = Claim.recipientDomain(request);
    message.stream = request.stream();
    message.priority = (short) (request.stream() == Stream.TRANSACTIONAL ? 0 : 1);
    message.notBefore = request.notBefore();
    message.expiresAt = request.expiresAt();
    message.request = LifecycleEvents.json(request);
    message.receivedAt = Instant.now();
    message.status = MessageStatus.AWAITING_TENANT;
    message.updatedAt = message.receivedAt;
    if (lane != null) {
      settle(message, lane);
    }
    return message;
  }
}
