package io.isolane.sending.service;

import io.isolane.sending.Lane;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The claims of one tick: per tenant how many messages at most, and per mailbox of each tenant how
 * many at most; deleted tenants whose queued mail is cancelled.
 */
final class Plan {
  /** A tenant's share of this tick. */
  record Quota(Lane lane, int quota) {}

  /** A mailbox to look into, with how many of its messages may go. */
  record Probe(String tenantId, String mailbox, int allowance) {}

  final Map<String, Quota> quotas = new HashMap<>();
  final List<Probe> probes = new ArrayList<>();
  final Map<String, Lane> drains = new HashMap<>();

  boolean isEmpty() {
    return quotas.isEmpty() && drains.isEmpty();
  }

  Lane lane(String tenantId) {
    Quota q = quotas.get(tenantId);
    return q != null ? q.lane() : drains.get(tenantId);
  }

  String[] tenants() {
    return quotas.keySet().toArray(String[]::new);
  }

  Integer[] tenantQuotas() {
    return quotas.keySet().stream().map(t -> quotas.get(t).quota()).toArray(Integer[]::new);
  }

  String[] probeTenants() {
    return probes.stream().map(Probe::tenantId).toArray(String[]::new);
  }

  String[] probeMailboxes() {
    return probes.stream().map(Probe::mailbox).toArray(String[]::new);
  }

  Integer[] probeAllowances() {
    return probes.stream().map(Probe::allowance).toArray(Integer[]::new);
  }
}
