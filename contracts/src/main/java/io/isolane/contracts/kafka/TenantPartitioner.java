package io.isolane.contracts.kafka;

import io.isolane.contracts.KeyScheme;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.utils.Utils;

/**
 * Partitions by the tenant id part of the key, so {@code tenant} and {@code tenant/entity} keys of
 * one tenant share a partition. For plain tenant keys it picks what Kafka's default partitioner
 * picks, so producers that do not configure it still agree.
 */
public class TenantPartitioner implements Partitioner {
  @Override
  public int partition(
      String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
    if (key == null) {
      throw new IllegalArgumentException("records on " + topic + " need a tenant key");
    }
    int partitions = cluster.partitionsForTopic(topic).size();
    return forTenant(KeyScheme.tenantOf(key.toString()), partitions);
  }

  /** The partition of a tenant's records on a topic with {@code partitions} partitions. */
  public static int forTenant(String tenantId, int partitions) {
    byte[] bytes = tenantId.getBytes(StandardCharsets.UTF_8);
    return Utils.toPositive(Utils.murmur2(bytes)) % partitions;
  }

  @Override
  public void configure(Map<String, ?> configs) {}

  @Override
  public void close() {}
}
