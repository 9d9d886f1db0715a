package io.isolane.tenant.service;

/**
 * A mailbox a tenant adds.
 *
 * @param address sender address on one of the tenant's ready domains
 * @param displayName display name for the From header, or null
 * @param replyTo Reply-To address, or null
 */
public record NewMailbox(String address, String displayName, String replyTo) {}
