package io.isolane.tenant.service;

import io.isolane.contracts.events.IsolationTier;

/**
 * What an admin asks for when creating a tenant; null limits take the configured defaults.
 *
 * @param id stable, URL-safe tenant id
 * @param name display name
 * @param tier isolation tier
 * @param maxPerSecond messages per second, or null
 * @param maxPerDay messages per day, or null
 * @param createdBy the admin creating it
 */
public record NewTenant(
    String id,
    String name,
    IsolationTier tier,
    Integer maxPerSecond,
    Integer maxPerDay,
    String createdBy) {}
