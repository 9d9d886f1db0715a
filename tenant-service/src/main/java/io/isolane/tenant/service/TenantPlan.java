package io.isolane.tenant.service;

import io.isolane.contracts.events.IsolationTier;
import io.isolane.contracts.events.Stream;
import java.util.List;
import java.util.Map;

/**
 * What one reconciliation run works from: a snapshot of a tenant's desired state with the SES names
 * it maps to. SES calls run outside any database transaction, from this snapshot.
 *
 * @param tenantId tenant id
 * @param version tenant version the snapshot was taken at
 * @param tier isolation tier
 * @param suspended sending should be paused
 * @param deletionRequested everything should go
 * @param sesTenant SES tenant name (null for shared)
 * @param configurationSets configuration set per stream
 * @param pools dedicated IP pool per stream (dedicated tier only)
 * @param domains the tenant's domains
 */
record TenantPlan(
    String tenantId,
    long version,
    IsolationTier tier,
    boolean suspended,
    boolean deletionRequested,
    String sesTenant,
    Map<Stream, String> configurationSets,
    Map<Stream, String> pools,
    List<DomainPlan> domains) {

  /**
   * A domain's desired state.
   *
   * @param name A-label domain
   * @param stream its stream
   * @param mailFromDomain custom MAIL FROM domain
   * @param removalRequested the identity should go
   */
  record DomainPlan(String name, Stream stream, String mailFromDomain, boolean removalRequested) {}

  boolean isolated() {
    return sesTenant != null;
  }
}
