package io.isolane.contracts.events;

import java.time.Instant;

/**
 * A change of health of one sender of one tenant ({@code sender.health}, key = tenant id):
 * published by feedback-service when the rolling rates over the last sends cross a threshold in
 * either direction, with the figures that decided it.
 *
 * @param healthId unique id of this observation
 * @param tenantId owning tenant
 * @param scope what the figures are about
 * @param target mailbox address, sending domain or recipient domain (null for tenant scope)
 * @param status the new status
 * @param previousStatus the status before
 * @param sends messages sent in the window the rates are over
 * @param hardBounces permanent bounces among them
 * @param softBounces transient bounces among them
 * @param complaints complaints among them
 * @param unsubscribes unsubscribes among them
 * @param replies replies received in the same window
 * @param hardBounceRate hardBounces / sends
 * @param complaintRate complaints / sends
 * @param reason which threshold was crossed, in words
 * @param pauseCommandId the tenant.commands pause issued for it, if any
 * @param observedAt when
 */
public record SenderHealth(
    String healthId,
    String tenantId,
    Scope scope,
    String target,
    Status status,
    Status previousStatus,
    long sends,
    long hardBounces,
    long softBounces,
    long complaints,
    long unsubscribes,
    long replies,
    double hardBounceRate,
    double complaintRate,
    String reason,
    String pauseCommandId,
    Instant observedAt)
    implements TenantEvent {

  /** What the figures are about. */
  public enum Scope {
    TENANT,
    SENDING_DOMAIN,
    MAILBOX,
    RECIPIENT_DOMAIN
  }

  /** Health status: warning means watch it, breach means a pause was asked for. */
  public enum Status {
    HEALTHY,
    WARNING,
    BREACH
  }
}
