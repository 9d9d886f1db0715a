package io.isolane.tenant.rest;

import io.isolane.contracts.events.Stream;
import io.isolane.tenant.DnsRecord;
import io.isolane.tenant.DomainStatus;
import io.isolane.tenant.DomainVerification;
import java.time.Instant;
import java.util.List;

/**
 * A sending domain with the DNS records to publish and the result of each verification check.
 *
 * @param name A-label domain
 * @param stream the stream its mail is sent in
 * @param status pending, ready or removing
 * @param mailFromDomain custom MAIL FROM domain
 * @param sesDkimStatus SES's DKIM status, null before the identity exists
 * @param dnsRecords what to publish, exactly as a DNS admin pastes it (empty until SES has issued
 *     the DKIM tokens)
 * @param verification the last DNS verification, null before the first
 * @param createdAt when it was added
 */
public record DomainResponse(
    String name,
    Stream stream,
    DomainStatus status,
    String mailFromDomain,
    String sesDkimStatus,
    List<DnsRecord> dnsRecords,
    DomainVerification verification,
    Instant createdAt) {}
