package io.isolane.feedback.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.SuppressionReason;
import io.isolane.feedback.SoftBounceStreak;
import io.isolane.feedback.Suppression;
import io.isolane.feedback.config.FeedbackConfig;
import io.isolane.feedback.repository.SoftBounceStreakRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.Locale;

/**
 * Transient bounces in a row, per tenant and address: a delivery ends the streak; at the limit the
 * address is suppressed for a while (a mailbox full for days, a server that keeps deferring). Runs
 * in the caller's transaction.
 */
@ApplicationScoped
public class SoftBounces {
  private final SoftBounceStreakRepository streaks;
  private final Instance<SuppressionList> suppressions;
  private final FeedbackConfig config;

  public SoftBounces(
      SoftBounceStreakRepository streaks,
      Instance<SuppressionList> suppressions,
      FeedbackConfig config) {
    this.streaks = streaks;
    this.suppressions = suppressions;
    this.config = config;
  }

  Uni<Void> track(ContractEvent<EmailEvent> event) {
    EmailEvent e = event.data();
    if (e.recipient() == null) {
      return Uni.createFrom().voidItem();
    }
    Suppression.Key key = new Suppression.Key(e.tenantId(), e.recipient().toLowerCase(Locale.ROOT));
    if (e.type() == EmailEventType.DELIVERED) {
      return streaks.deleteById(key).replaceWithVoid();
    }
    if (e.type() != EmailEventType.BOUNCED
        || e.bounce() == null
        || !"transient".equals(e.bounce().kind())) {
      return Uni.createFrom().voidItem();
    }
    return streaks.findById(key).chain(streak -> bounced(streak, key, event));
  }

  private Uni<Void> bounced(
      SoftBounceStreak found, Suppression.Key key, ContractEvent<EmailEvent> event) {
    SoftBounceStreak streak = found != null ? found : new SoftBounceStreak();
    streak.tenantId = key.tenantId;
    streak.address = key.address;
    streak.consecutive++;
    streak.lastAt = Instant.now();
    Uni<?> saved = found != null ? Uni.createFrom().item(streak) : streaks.persist(streak);
    if (streak.consecutive < config.softBounceLimit()) {
      return saved.replaceWithVoid();
    }
    Instant until = streak.lastAt.plus(config.softBounceSuppression());
    return saved
        .chain(
            () ->
                suppressions
                    .get()
                    .suppressOnce(
                        key.tenantId,
                        key.address,
                        SuppressionReason.SOFT_BOUNCE,
                        event.id(),
                        until))
        .replaceWithVoid();
  }
}
