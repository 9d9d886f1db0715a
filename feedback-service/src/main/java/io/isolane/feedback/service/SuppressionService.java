package io.isolane.feedback.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.SuppressionReason;
import io.isolane.feedback.ProcessedEvent;
import io.isolane.feedback.Suppression;
import io.isolane.feedback.config.FeedbackConfig;
import io.isolane.feedback.repository.ProcessedEventRepository;
import io.isolane.feedback.repository.SuppressionRepository;
import io.isolane.servicekit.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Locale;

/**
 * Suppresses, per tenant, the recipients of hard bounces, complaints and unsubscribes, and
 * publishes each new suppression. Each email event is handled once, whatever the redeliveries.
 */
@ApplicationScoped
public class SuppressionService {
  private final SuppressionRepository suppressions;
  private final ProcessedEventRepository processed;
  private final Outbox outbox;
  private final FeedbackConfig config;
  private final SoftBounces softBounces;

  public SuppressionService(
      SuppressionRepository suppressions,
      ProcessedEventRepository processed,
      Outbox outbox,
      FeedbackConfig config,
      SoftBounces softBounces) {
    this.suppressions = suppressions;
    this.processed = processed;
    this.outbox = outbox;
    this.config = config;
    this.softBounces = softBounces;
  }

  /** Handles one email event unless it was handled before. */
  @WithTransaction
  public Uni<Void> handle(ContractEvent<EmailEvent> event) {
    return processed
        .findById(event.id())
        .chain(seen -> seen != null ? Uni.createFrom().voidItem() : firstTime(event));
  }

  private Uni<Void> firstTime(ContractEvent<EmailEvent> event) {
    ProcessedEvent mark = new ProcessedEvent();
    mark.eventId = event.id();
    mark.tenantId = event.subject();
    mark.processedAt = Instant.now();
    return processed
        .persist(mark)
        .chain(
            () ->
                SuppressionPolicy.reasonFor(event.data())
                    .map(reason -> suppress(event, reason))
                    .orElseGet(() -> softBounces.track(event)));
  }

  private Uni<Void> suppress(ContractEvent<EmailEvent> event, SuppressionReason reason) {
    return suppressOnce(event.data().tenantId(), event.data().recipient(), reason, event.id())
        .replaceWithVoid();
  }

  /**
   * Suppresses the address for the tenant unless it is already; returns whether it was new. Runs in
   * the caller's transaction.
   */
  public Uni<Boolean> suppressOnce(
      String tenantId, String recipient, SuppressionReason reason, String sourceEventId) {
    return suppressOnce(tenantId, recipient, reason, sourceEventId, null);
  }

  /**
   * As {@link #suppressOnce(String, String, SuppressionReason, String)}, lapsing at {@code
   * expiresAt}.
   */
  public Uni<Boolean> suppressOnce(
      String tenantId,
      String recipient,
      SuppressionReason reason,
      String sourceEventId,
      Instant expiresAt) {
    String address = recipient.toLowerCase(Locale.ROOT);
    return suppressions
        .findById(new Suppression.Key(tenantId, address))
        .chain(
            existing ->
                existing != null
                    ? Uni.createFrom().item(false)
                    : store(newSuppression(tenantId, address, reason, sourceEventId, expiresAt))
                        .replaceWith(true));
  }

  private Uni<Void> store(Suppression suppression) {
    return suppressions.persist(suppression).chain(() -> outbox.add(eventOf(suppression)));
  }

  private ContractEvent<io.isolane.contracts.events.Suppression> eventOf(Suppression s) {
    return ContractEvent.of(
        EventTypes.SUPPRESSION,
        config.eventSource(),
        new io.isolane.contracts.events.Suppression(
            s.tenantId, s.address, true, s.reason, s.sourceEventId, s.suppressedAt, s.expiresAt));
  }

  private static Suppression newSuppression(
      String tenantId,
      String address,
      SuppressionReason reason,
      String sourceEventId,
      Instant expiresAt) {
    Suppression s = new Suppression();
    s.tenantId = tenantId;
    s.address = address;
    s.reason = reason;
    s.sourceEventId = sourceEventId;
    s.suppressedAt = Instant.now();
    s.expiresAt = expiresAt;
    return s;
  }
}
