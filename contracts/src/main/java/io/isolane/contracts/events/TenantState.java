package io.isolane.contracts.events;

import java.time.Instant;
import java.util.List;

/**
 * Latest state of a tenant ({@code tenant.state}, compacted, key = tenant id). Each record is a
 * full snapshot: consumers replace what they hold for the tenant, keeping the highest {@code
 * version}.
 *
 * @param tenantId stable, URL-safe tenant id
 * @param name display name
 * @param tier isolation tier
 * @param status lifecycle status
 * @param statusReason why the status was last set (null when never explained)
 * @param statusSetBy who set the status (an admin, the platform, feedback-service)
 * @param limits tenant-wide sending limits
 * @param domains sending domains
 * @param mailboxes sender identities
 * @param apiKeys digests of the tenant's live API keys
 * @param version monotonically increasing per tenant
 * @param updatedAt when this state was produced
 */
public record TenantState(
    String tenantId,
    String name,
    IsolationTier tier,
    TenantStatus status,
    String statusReason,
    String statusSetBy,
    SendingLimits limits,
    List<Domain> domains,
    List<Mailbox> mailboxes,
    List<ApiKeyDigest> apiKeys,
    long version,
    Instant updatedAt)
    implements TenantEvent {

  /** Tenant-wide sending limits. */
  public record SendingLimits(int maxPerSecond, int maxPerDay) {}

  /** A sending domain; {@code ready} means DKIM verified and DMARC aligned. */
  public record Domain(String name, Stream stream, boolean ready) {}

  /** A sender identity on one of the tenant's domains. */
  public record Mailbox(
      String address, String displayName, MailboxStatus status, String statusReason) {}

  /**
   * An API key as sending-service needs it to authenticate requests locally.
   *
   * @param keyId public id of the key
   * @param sha256 hex SHA-256 digest of the secret
   * @param scopes granted scopes: send, read, admin
   */
  public record ApiKeyDigest(String keyId, String sha256, List<String> scopes) {}
}
