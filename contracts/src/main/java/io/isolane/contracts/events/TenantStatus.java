package io.isolane.contracts.events;

/** Lifecycle of a tenant. Only {@link #ACTIVE} tenants send. */
public enum TenantStatus {
  PROVISIONING,
  ACTIVE,
  SUSPENDED,
  DELETING,
  DELETED,
  FAILED
}
