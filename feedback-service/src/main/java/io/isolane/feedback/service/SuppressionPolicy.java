package io.isolane.feedback.service;

import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.SuppressionReason;
import java.util.Optional;

/** Which email events suppress their recipient at once. */
final class SuppressionPolicy {
  private SuppressionPolicy() {}

  /** The suppression reason an event calls for, if any. */
  static Optional<SuppressionReason> reasonFor(EmailEvent event) {
    if (event.recipient() == null) {
      return Optional.empty();
    }
    return switch (event.type()) {
      case BOUNCED ->
          event.bounce() != null && "permanent".equals(event.bounce().kind())
              ? Optional.of(SuppressionReason.HARD_BOUNCE)
              : Optional.empty();
      case COMPLAINED -> Optional.of(SuppressionReason.COMPLAINT);
      case UNSUBSCRIBED -> Optional.of(SuppressionReason.UNSUBSCRIBE);
      default -> Optional.empty();
    };
  }
}
