package io.isolane.contracts.events;

import java.time.Instant;

/**
 * Pause or resume a mailbox, domain or the whole tenant ({@code tenant.commands}, key = tenant id).
 *
 * @param commandId unique id of the command
 * @param tenantId tenant concerned
 * @param action pause or resume
 * @param scope what is paused or resumed
 * @param target the mailbox address or domain name (null for tenant scope)
 * @param reason why
 * @param issuer who issued it (an operator, feedback-service's health monitor ...)
 * @param issuedAt when
 */
public record TenantCommand(
    String commandId,
    String tenantId,
    Action action,
    Scope scope,
    String target,
    String reason,
    String issuer,
    Instant issuedAt)
    implements TenantEvent {

  /** What to do. */
  public enum Action {
    PAUSE,
    RESUME
  }

  /** What it applies to. */
  public enum Scope {
    TENANT,
    DOMAIN,
    MAILBOX
  }
}
