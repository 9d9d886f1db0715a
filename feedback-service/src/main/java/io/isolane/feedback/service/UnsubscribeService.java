package io.isolane.feedback.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.contracts.events.EmailEventType;
import io.isolane.contracts.events.SuppressionReason;
import io.isolane.contracts.unsubscribe.InvalidUnsubscribeTokenException;
import io.isolane.contracts.unsubscribe.UnsubscribeToken;
import io.isolane.contracts.unsubscribe.UnsubscribeTokens;
import io.isolane.feedback.config.FeedbackConfig;
import io.isolane.feedback.config.UnsubscribeConfig;
import io.isolane.servicekit.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Honours a one-click unsubscribe: the recipient is suppressed for the tenant in the token (and
 * only that tenant), and {@code unsubscribed} is published for the message the link came in.
 */
@ApplicationScoped
public class UnsubscribeService {
  private final UnsubscribeTokens tokens;
  private final UnsubscribeConfig config;
  private final SuppressionList suppressions;
  private final Outbox outbox;
  private final FeedbackConfig feedback;

  public UnsubscribeService(
      UnsubscribeConfig config,
      SuppressionList suppressions,
      Outbox outbox,
      FeedbackConfig feedback) {
    this.tokens = UnsubscribeTokens.of(config.signingKeyId(), config.secrets());
    this.config = config;
    this.suppressions = suppressions;
    this.outbox = outbox;
    this.feedback = feedback;
  }

  /** Link older than {@code max-age}. */
  public static final class ExpiredLink extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExpiredLink(Instant issuedAt) {
      super("this unsubscribe link expired (issued " + issuedAt + ")");
    }
  }

  /**
   * The token's content, if we signed it and it has not expired.
   *
   * @throws InvalidUnsubscribeTokenException for a token we did not sign
   * @throws ExpiredLink for one older than max-age
   */
  public UnsubscribeToken check(String token, Instant now) {
    UnsubscribeToken t = tokens.verify(token);
    if (t.issuedAt().plus(config.maxAge()).isBefore(now)) {
      throw new ExpiredLink(t.issuedAt());
    }
    return t;
  }

  /** Suppresses the recipient for the tenant and publishes {@code unsubscribed}, once. */
  @WithTransaction
  public Uni<UnsubscribeToken> unsubscribe(String token, Instant now) {
    UnsubscribeToken t = check(token, now);
    ContractEvent<EmailEvent> event = unsubscribed(t, now);
    return suppressions
        .suppressOnce(t.tenantId(), t.recipient(), SuppressionReason.UNSUBSCRIBE, event.id())
        .chain(fresh -> outbox.add(event))
        .replaceWith(t);
  }

  // the id derives from the message: a second click yields the same event, which consumers drop
  private ContractEvent<EmailEvent> unsubscribed(UnsubscribeToken t, Instant now) {
    String key = t.tenantId() + "/" + t.messageId() + "/UNSUBSCRIBED";
    String id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    EmailEvent event =
        new EmailEvent(
            t.messageId(),
            t.tenantId(),
            EmailEventType.UNSUBSCRIBED,
            null,
            null,
            t.recipient(),
            now,
            "one-click unsubscribe",
            null,
            null,
            null,
            Map.of());
    return ContractEvent.withId(id, EventTypes.EMAIL_EVENT, feedback.eventSource(), event);
  }
}
