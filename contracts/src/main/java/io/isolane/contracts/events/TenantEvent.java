package io.isolane.contracts.events;

/** Every event payload names the tenant it belongs to. */
public interface TenantEvent {
  /** The owning tenant's id; equals the record key's tenant part and the CloudEvents subject. */
  String tenantId();
}
