package io.isolane.sending.service;

import io.isolane.contracts.events.EmailEventType;
import io.isolane.sending.config.SendingConfig;
import io.isolane.sending.repository.OrphanRepository;
import io.isolane.servicekit.outbox.OutboxRow;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Fails queued mail of mailboxes their tenant no longer has, with the reason, never dropping it.
 */
@ApplicationScoped
public class OrphanSweeper {
  private static final Logger LOG = Logger.getLogger(OrphanSweeper.class);

  private final OrphanRepository orphans;
  private final LifecycleEvents events;
  private final SendingConfig config;

  public OrphanSweeper(OrphanRepository orphans, LifecycleEvents events, SendingConfig config) {
    this.orphans = orphans;
    this.events = events;
    this.config = config;
  }

  @Scheduled(
      identity = "orphans",
      every = "${isolane.sending.sweep-interval:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> sweep() {
    return orphans
        .orphans()
        .onItem()
        .transformToMulti(pairs -> Multi.createFrom().iterable(pairs))
        .onItem()
        .transformToUniAndConcatenate(pair -> fail(pair[0], pair[1]))
        .collect()
        .last()
        .onFailure()
        .invoke(e -> LOG.warnf("orphan sweep failed; it will run again: %s", e.toString()))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  private Uni<Void> fail(String tenantId, String mailbox) {
    String reason = "mailbox " + mailbox + " is not one of the tenant's";
    return orphans
        .fail(
            tenantId,
            mailbox,
            reason,
            config.sweepBatchSize(),
            claims ->
                claims.stream()
                    .map(
                        c ->
                            OutboxRow.of(
                                events.of(c.request(), EmailEventType.FAILED, reason, null, "")))
                    .toList())
        .invoke(
            failed ->
                LOG.infof("%d queued messages of %s failed: %s", failed.size(), tenantId, reason))
        .replaceWithVoid();
  }
}
