package io.isolane.sending.service;

import io.isolane.contracts.events.EmailEventType;
import io.isolane.sending.config.SendingConfig;
import io.isolane.sending.repository.Ledger;
import io.isolane.servicekit.outbox.OutboxRow;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Claimed messages whose outcome was never recorded (the process died during or right after the SES
 * call) become {@code in_doubt}, recorded and published; they are never resent on their own.
 */
@ApplicationScoped
public class InDoubtSweeper {
  private static final Logger LOG = Logger.getLogger(InDoubtSweeper.class);
  static final String REASON = "the SES call was interrupted; SES may or may not have sent it";

  private final Ledger ledger;
  private final LifecycleEvents events;
  private final SendingConfig config;

  public InDoubtSweeper(Ledger ledger, LifecycleEvents events, SendingConfig config) {
    this.ledger = ledger;
    this.events = events;
    this.config = config;
  }

  @Scheduled(
      identity = "in-doubt",
      every = "${isolane.sending.sweep-interval:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> sweep() {
    Instant before = Instant.now().minus(config.inDoubtAfter());
    return ledger
        .inDoubt(
            before,
            REASON,
            claims ->
                claims.stream()
                    .map(
                        c ->
                            OutboxRow.of(
                                events.of(c.request(), EmailEventType.IN_DOUBT, REASON, null, "")))
                    .toList())
        .invoke(
            claims -> {
              if (!claims.isEmpty()) {
                LOG.warnf("%d claimed messages are in doubt", claims.size());
              }
            })
        .replaceWithVoid();
  }
}
