package io.isolane.tenant.service;

import io.isolane.contracts.RejectedEventException;
import io.isolane.contracts.events.TenantCommand;
import io.isolane.tenant.repository.MailboxRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Pause and resume commands from tenant.commands, applied like the admin API's. */
@ApplicationScoped
public class TenantCommands {
  private final TenantService tenants;
  private final MailboxService mailboxes;
  private final MailboxRepository mailboxRows;

  public TenantCommands(
      TenantService tenants, MailboxService mailboxes, MailboxRepository mailboxRows) {
    this.tenants = tenants;
    this.mailboxes = mailboxes;
    this.mailboxRows = mailboxRows;
  }

  public Uni<Void> apply(TenantCommand command) {
    boolean pause = command.action() == TenantCommand.Action.PAUSE;
    String reason =
        command.reason() == null ? command.action().name().toLowerCase() : command.reason();
    Uni<?> applied =
        switch (command.scope()) {
          case TENANT ->
              pause
                  ? tenants.suspend(command.tenantId(), reason, command.issuer())
                  : tenants.resume(command.tenantId(), reason, command.issuer());
          case MAILBOX -> mailbox(command.tenantId(), required(command), pause, reason);
          case DOMAIN -> domain(command.tenantId(), required(command), pause, reason);
        };
    return applied
        .onFailure(e -> e instanceof NotFound || e instanceof Conflict)
        .transform(e -> new RejectedEventException(e.getMessage(), e))
        .replaceWithVoid();
  }

  private Uni<?> mailbox(String tenantId, String address, boolean pause, String reason) {
    return pause
        ? mailboxes.pause(tenantId, address, reason)
        : mailboxes.resume(tenantId, address, reason);
  }

  /** Every mailbox of the domain, one after the other. */
  private Uni<?> domain(String tenantId, String domain, boolean pause, String reason) {
    return addresses(tenantId, domain)
        .onItem()
        .transformToMulti(list -> Multi.createFrom().iterable(list))
        .onItem()
        .transformToUniAndConcatenate(address -> mailbox(tenantId, address, pause, reason))
        .collect()
        .asList();
  }

  @WithSession
  Uni<java.util.List<String>> addresses(String tenantId, String domain) {
    return mailboxRows
        .list("tenantId = ?1 and domain = ?2", tenantId, domain)
        .map(rows -> rows.stream().map(m -> m.address).toList());
  }

  private static String required(TenantCommand command) {
    if (command.target() == null || command.target().isBlank()) {
      throw new RejectedEventException(
          "a " + command.scope().name().toLowerCase() + " command needs a target");
    }
    return command.target();
  }
}
