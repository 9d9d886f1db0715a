package io.isolane.feedback.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.SuppressionReason;
import io.isolane.feedback.Suppression;
import io.isolane.feedback.config.FeedbackConfig;
import io.isolane.feedback.repository.SuppressionRepository;
import io.isolane.servicekit.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Locale;

/**
 * A tenant's suppression list and its announcements: every change is written with its {@code
 * suppressions} event in the caller's transaction. Never shared between tenants.
 */
@ApplicationScoped
public class SuppressionList {
  private final SuppressionRepository suppressions;
  private final Outbox outbox;
  private final FeedbackConfig config;

  public SuppressionList(SuppressionRepository suppressions, Outbox outbox, FeedbackConfig config) {
    this.suppressions = suppressions;
    this.outbox = outbox;
    this.config = config;
  }

  /** Suppresses for good unless it already is; returns whether anything changed. */
  public Uni<Boolean> suppressOnce(
      String tenantId, String recipient, SuppressionReason reason, String sourceEventId) {
    return suppressOnce(tenantId, recipient, reason, sourceEventId, null);
  }

  /**
   * Suppresses the address for the tenant until {@code expiresAt} (null: for good). An existing
   * suppression is kept unless this one lasts longer (a hard bounce after a soft-bounce suppression
   * makes it permanent); returns whether anything changed.
   */
  public Uni<Boolean> suppressOnce(
      String tenantId,
      String recipient,
      SuppressionReason reason,
      String sourceEventId,
      Instant expiresAt) {
    String address = recipient.toLowerCase(Locale.ROOT);
    Instant now = Instant.now();
    return suppressions
        .findById(new Suppression.Key(tenantId, address))
        .chain(
            existing -> {
              if (existing != null && !outlasts(expiresAt, existing, now)) {
                return Uni.createFrom().item(false);
              }
              Suppression s = existing != null ? existing : new Suppression();
              s.tenantId = tenantId;
              s.address = address;
              s.reason = reason;
              s.sourceEventId = sourceEventId;
              s.suppressedAt = now;
              s.expiresAt = expiresAt;
              return suppressions
                  .persist(s)
                  .chain(() -> outbox.add(eventOf(s, true, now)))
                  .replaceWith(true);
            });
  }

  /** Lifts the tenant's suppression of the address; returns whether there was one. */
  public Uni<Boolean> lift(String tenantId, String recipient, String sourceEventId) {
    String address = recipient.toLowerCase(Locale.ROOT);
    return suppressions
        .findById(new Suppression.Key(tenantId, address))
        .chain(
            existing -> {
              if (existing == null) {
                return Uni.createFrom().item(false);
              }
              existing.sourceEventId = sourceEventId;
              return suppressions
                  .delete(existing)
                  .chain(() -> outbox.add(eventOf(existing, false, Instant.now())))
                  .replaceWith(true);
            });
  }

  private static boolean outlasts(Instant expiresAt, Suppression existing, Instant now) {
    if (existing.expiresAt == null) {
      return false;
    }
    return expiresAt == null
        || existing.expiresAt.isBefore(now)
        || expiresAt.isAfter(existing.expiresAt);
  }

  /** The announcement of a suppression for good, for writers that store it themselves. */
  ContractEvent<io.isolane.contracts.events.Suppression> announcement(
      String tenantId, String address, SuppressionReason reason, String sourceEventId, Instant at) {
    return event(tenantId, address, true, reason, sourceEventId, at, null);
  }

  private ContractEvent<io.isolane.contracts.events.Suppression> eventOf(
      Suppression s, boolean suppressed, Instant at) {
    return event(
        s.tenantId,
        s.address,
        suppressed,
        s.reason,
        s.sourceEventId,
        at,
        suppressed ? s.expiresAt : null);
  }

  private ContractEvent<io.isolane.contracts.events.Suppression> event(
      String tenantId,
      String address,
      boolean suppressed,
      SuppressionReason reason,
      String sourceEventId,
      Instant at,
      Instant expiresAt) {
    return ContractEvent.of(
        EventTypes.SUPPRESSION,
        config.eventSource(),
        new io.isolane.contracts.events.Suppression(
            tenantId, address, suppressed, reason, sourceEventId, at, expiresAt));
  }
}
