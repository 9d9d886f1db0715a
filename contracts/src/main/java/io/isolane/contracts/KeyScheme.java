package io.isolane.contracts;

/**
 * How a topic's record key is formed. Every key starts with the tenant id and every record is
 * partitioned by the tenant id alone (see {@code io.isolane.contracts.kafka.TenantPartitioner}), so
 * one tenant's records always share a partition and keep their order.
 */
public enum KeyScheme {
  /** The key is the tenant id. */
  TENANT,
  /**
   * The key is {@code <tenantId>/<entity>}: used by compacted topics that hold one current value
   * per entity below the tenant (a mailbox, a suppressed address), which a tenant-only key would
   * compact away.
   */
  TENANT_ENTITY;

  /** Separator between the tenant id and the entity in a {@link #TENANT_ENTITY} key. */
  public static final char SEPARATOR = '/';

  /** The record key for a tenant and, for {@link #TENANT_ENTITY}, an entity. */
  public String key(String tenantId, String entity) {
    TenantIds.requireValid(tenantId);
    if (this == TENANT) {
      return tenantId;
    }
    if (entity == null || entity.isEmpty()) {
      throw new IllegalArgumentException("a " + name() + " key needs an entity");
    }
    return tenantId + SEPARATOR + entity;
  }

  /** The tenant id a key of either scheme starts with. */
  public static String tenantOf(String key) {
    int cut = key.indexOf(SEPARATOR);
    return cut < 0 ? key : key.substring(0, cut);
  }
}
