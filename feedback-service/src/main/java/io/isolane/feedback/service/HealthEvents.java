package io.isolane.feedback.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.SenderHealth;
import io.isolane.contracts.events.TenantCommand;
import io.isolane.feedback.HealthFigures;
import io.isolane.feedback.HealthSubject;
import io.isolane.feedback.config.FeedbackConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** The sender.health and tenant.commands events the health monitor publishes. */
@ApplicationScoped
public class HealthEvents {
  static final String ISSUER = "feedback-service/health";

  private final FeedbackConfig config;

  public HealthEvents(FeedbackConfig config) {
    this.config = config;
  }

  ContractEvent<SenderHealth> health(
      String tenantId,
      HealthSubject subject,
      SenderHealth.Status status,
      SenderHealth.Status previous,
      HealthFigures f,
      String reason,
      String pauseCommandId,
      Instant at) {
    return ContractEvent.of(
        EventTypes.SENDER_HEALTH,
        config.eventSource(),
        new SenderHealth(
            UUID.randomUUID().toString(),
            tenantId,
            subject.scope(),
            subject.target().isEmpty() ? null : subject.target(),
            status,
            previous,
            f.sends(),
            f.hardBounces(),
            f.softBounces(),
            f.complaints(),
            f.unsubscribes(),
            f.replies(),
            f.hardBounceRate(),
            f.complaintRate(),
            reason,
            pauseCommandId,
            at));
  }

  ContractEvent<TenantCommand> pause(
      String tenantId, HealthSubject subject, String commandId, String reason, Instant at) {
    return ContractEvent.withId(
        commandId,
        EventTypes.TENANT_COMMAND,
        config.eventSource(),
        new TenantCommand(
            commandId,
            tenantId,
            TenantCommand.Action.PAUSE,
            scope(subject.scope()),
            subject.target().isEmpty() ? null : subject.target(),
            reason,
            ISSUER,
            at));
  }

  /** The health subject a pause or resume of this scope and target is about. */
  static HealthSubject subjectOf(TenantCommand command) {
    return switch (command.scope()) {
      case TENANT -> HealthSubject.TENANT;
      case DOMAIN -> HealthSubject.sendingDomain(command.target());
      case MAILBOX -> HealthSubject.mailbox(command.target());
    };
  }

  /** The command scope that pauses or resumes this kind of sender. */
  static TenantCommand.Scope scope(SenderHealth.Scope scope) {
    return switch (scope) {
      case TENANT -> TenantCommand.Scope.TENANT;
      case SENDING_DOMAIN -> TenantCommand.Scope.DOMAIN;
      case MAILBOX -> TenantCommand.Scope.MAILBOX;
      case RECIPIENT_DOMAIN ->
          throw new IllegalArgumentException("a recipient domain is not paused");
    };
  }
}
