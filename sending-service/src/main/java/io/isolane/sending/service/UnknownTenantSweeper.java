package io.isolane.sending.service;

import io.isolane.contracts.events.EmailEventType;
import io.isolane.sending.Message;
import io.isolane.sending.MessageStatus;
import io.isolane.sending.config.SendingConfig;
import io.isolane.sending.repository.MessageRepository;
import io.isolane.sending.repository.TenantLaneRepository;
import io.isolane.servicekit.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Settles messages that wait for their tenant: those whose lane exists by now (a message stored
 * while its lane was being written) are accepted or failed as the lane says; those whose tenant
 * never appeared in tenant.state fail after the timeout with reason {@value #REASON}, so no message
 * waits forever.
 */
@ApplicationScoped
public class UnknownTenantSweeper {
  static final String REASON = "unknown tenant";
  private static final Logger LOG = Logger.getLogger(UnknownTenantSweeper.class);

  private final MessageRepository messages;
  private final Outbox outbox;
  private final LifecycleEvents events;
  private final SendingConfig config;
  private final TenantLaneRepository lanes;
  private final AwaitingTenant intake;

  public UnknownTenantSweeper(
      MessageRepository messages,
      Outbox outbox,
      LifecycleEvents events,
      SendingConfig config,
      TenantLaneRepository lanes,
      AwaitingTenant intake) {
    this.messages = messages;
    this.outbox = outbox;
    this.events = events;
    this.config = config;
    this.lanes = lanes;
    this.intake = intake;
  }

  @Scheduled(
      every = "${isolane.sending.sweep-interval:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> sweep() {
    Instant cutoff = Instant.now().minus(config.unknownTenantTimeout());
    return Panache.withTransaction(
            () -> messages.awaitingWithLane(config.sweepBatchSize()).chain(this::adoptAll))
        .chain(
            () ->
                Panache.withTransaction(
                    () ->
                        messages
                            .awaitingSince(cutoff, config.sweepBatchSize())
                            .chain(this::failAll)))
        .onFailure()
        .invoke(e -> LOG.warnf("unknown-tenant sweep failed; it will run again: %s", e.toString()))
        .onFailure()
        .recoverWithNull();
  }

  private Uni<Void> adoptAll(List<Message> waiting) {
    return Multi.createFrom()
        .iterable(waiting)
        .onItem()
        .transformToUniAndConcatenate(
            m ->
                lanes
                    .findById(m.tenantId)
                    .invoke(lane -> AwaitingTenant.settle(m, lane))
                    .chain(() -> intake.announce(m)))
        .collect()
        .last()
        .replaceWithVoid();
  }

  private Uni<Void> failAll(List<Message> stale) {
    return Multi.createFrom()
        .iterable(stale)
        .invoke(UnknownTenantSweeper::fail)
        .onItem()
        .transformToUniAndConcatenate(m -> outbox.add(events.of(m, EmailEventType.FAILED, REASON)))
        .collect()
        .last()
        .replaceWithVoid();
  }

  private static void fail(Message message) {
    message.status = MessageStatus.FAILED;
    message.statusReason = REASON;
    message.updatedAt = Instant.now();
  }
}
