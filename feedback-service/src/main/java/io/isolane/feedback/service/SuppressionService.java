package io.isolane.feedback.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.SuppressionReason;
import io.isolane.contracts.events.SuppressionRequest;
import io.isolane.feedback.ProcessedEvent;
import io.isolane.feedback.repository.ProcessedEventRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Suppresses, per tenant, the recipients of hard bounces, complaints and unsubscribes, and the
 * addresses others ask to suppress (suppression.requests). Each event is handled once, whatever the
 * redeliveries.
 */
@ApplicationScoped
public class SuppressionService {
  private final SuppressionList list;
  private final ProcessedEventRepository processed;
  private final SoftBounces softBounces;

  public SuppressionService(
      SuppressionList list, ProcessedEventRepository processed, SoftBounces softBounces) {
    this.list = list;
    this.processed = processed;
    this.softBounces = softBounces;
  }

  /** Handles one email event unless it was handled before. */
  @WithTransaction
  public Uni<Void> handle(ContractEvent<EmailEvent> event) {
    return once(
        event,
        () ->
            SuppressionPolicy.reasonFor(event.data())
                .map(reason -> suppress(event, reason))
                .orElseGet(() -> softBounces.track(event)));
  }

  /** Applies one suppression request unless it was applied before. */
  @WithTransaction
  public Uni<Void> apply(ContractEvent<SuppressionRequest> event) {
    SuppressionRequest r = event.data(); // the schema checked the address on the way in
    return once(
        event,
        () ->
            list.suppressOnce(r.tenantId(), r.address(), r.reason(), event.id(), r.expiresAt())
                .replaceWithVoid());
  }

  private Uni<Void> once(ContractEvent<?> event, Supplier<Uni<Void>> work) {
    return processed
        .findById(event.id())
        .chain(
            seen ->
                seen != null
                    ? Uni.createFrom().voidItem()
                    : mark(event).chain(ignored -> work.get()));
  }

  private Uni<ProcessedEvent> mark(ContractEvent<?> event) {
    ProcessedEvent mark = new ProcessedEvent();
    mark.eventId = event.id();
    mark.tenantId = event.subject();
    mark.processedAt = Instant.now();
    return processed.persist(mark);
  }

  private Uni<Void> suppress(ContractEvent<EmailEvent> event, SuppressionReason reason) {
    return list.suppressOnce(event.data().tenantId(), event.data().recipient(), reason, event.id())
        .replaceWithVoid();
  }
}
