package io.isolane.feedback.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.TenantCommand;
import io.isolane.feedback.HealthSubject;
import io.isolane.feedback.config.FeedbackConfig;
import io.isolane.feedback.repository.HealthReads;
import io.isolane.servicekit.outbox.OutboxRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Lifts a pause the health monitor issued, at the tenant's explicit request: a resume on
 * tenant.commands, which tenant-service applies and which starts the sender's health afresh here.
 * Only the monitor's own pauses: a tenant suspended by an operator is not the tenant's to resume.
 */
@ApplicationScoped
public class HealthAdmin {
  private final Pool pool;
  private final HealthReads reads;
  private final FeedbackConfig config;

  public HealthAdmin(Pool pool, HealthReads reads, FeedbackConfig config) {
    this.pool = pool;
    this.reads = reads;
    this.config = config;
  }

  /** Issues the resume and returns its command id, or fails with {@link NotPaused}. */
  public Uni<String> resume(String tenantId, String keyId, HealthSubject subject, String note) {
    return reads
        .sender(tenantId, subject)
        .chain(
            status -> {
              if (status.isEmpty() || status.get().pauseCommandId() == null) {
                return Uni.createFrom().failure(new NotPaused());
              }
              ContractEvent<TenantCommand> command = command(tenantId, keyId, subject, note);
              OutboxRow row = OutboxRow.of(command);
              return pool.preparedQuery(OutboxRow.INSERT)
                  .execute(Tuple.from(row.values()))
                  .replaceWith(command.data().commandId());
            });
  }

  /** The sender is not paused by the health monitor. */
  public static final class NotPaused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotPaused() {
      super("not paused by the health monitor", null, false, false);
    }
  }

  private ContractEvent<TenantCommand> command(
      String tenantId, String keyId, HealthSubject subject, String note) {
    String id = UUID.randomUUID().toString();
    TenantCommand.Scope scope = HealthEvents.scope(subject.scope());
    return ContractEvent.withId(
        id,
        EventTypes.TENANT_COMMAND,
        config.eventSource(),
        new TenantCommand(
            id,
            tenantId,
            TenantCommand.Action.RESUME,
            scope,
            subject.target().isEmpty() ? null : subject.target(),
            note == null || note.isBlank() ? "resumed through the API" : note,
            "tenant-api/" + keyId,
            Instant.now()));
  }
}
