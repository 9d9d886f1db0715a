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
 * @param sesTenantName the SES tenant of isolated and dedicated tenants (null for shared)
 * @param streams the sending streams and the SES configuration set each one sends through
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
    String sesTenantName,
    List<SendingStream> streams,
    List<Domain> domains,
    List<Mailbox> mailboxes,
    List<ApiKeyDigest> apiKeys,
    long version,
    Instant updatedAt)
    implements TenantEvent {

  /** Tenant-wide sending limits. */
  public record SendingLimits(int maxPerSecond, int maxPerDay) {}

  /**
   * A sending stream: messages of a domain in this stream use its configuration set.
   *
   * @param stream transactional or marketing
   * @param configurationSet SES configuration set name
   * @param dedicatedIpPool SES dedicated IP pool (dedicated tier only, else null)
   */
  public record SendingStream(Stream stream, String configurationSet, String dedicatedIpPool) {}

  /**
   * A sending domain; {@code ready} means DKIM verified and DMARC aligned.
   *
   * @param name A-label domain name
   * @param stream the stream its mail is sent in
   * @param ready DKIM verified in SES and DMARC aligned
   * @param mailFromDomain custom MAIL FROM (bounce) domain, null when not yet known
   */
  public record Domain(String name, Stream stream, boolean ready, String mailFromDomain) {}

  /**
   * A sender identity on one of the tenant's domains.
   *
   * @param address the mailbox address (domain part in A-label form)
   * @param displayName display name for the From header, or null
   * @param status warming, active or paused
   * @param statusReason why the status was last set
   * @param replyTo Reply-To address, or null
   */
  public record Mailbox(
      String address,
      String displayName,
      MailboxStatus status,
      String statusReason,
      String replyTo) {}

  /**
   * An API key as sending-service needs it to authenticate requests locally.
   *
   * @param keyId public id of the key
   * @param sha256 hex SHA-256 digest of the secret
   * @param scopes granted scopes: send, read, admin
   */
  public record ApiKeyDigest(String keyId, String sha256, List<String> scopes) {}
}
