package io.isolane.tenant.service;

import io.isolane.contracts.events.IsolationTier;

/**
 * An admin's change to a tenant; null fields stay as they are.
 *
 * @param name new display name
 * @param tier new isolation tier (upgrades only)
 * @param maxPerSecond new messages-per-second limit
 * @param maxPerDay new messages-per-day limit
 */
public record TenantChange(
    String name, IsolationTier tier, Integer maxPerSecond, Integer maxPerDay) {}
