package io.isolane.sending.messaging;

import io.isolane.contracts.kafka.TenantPartitioner;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The send.requests partitions this instance owns. A tenant lives on one partition, so the instance
 * that owns it is the only one that schedules the tenant's mail: per-tenant limits need no
 * coordination, and the account's rate is shared in proportion to the partitions owned.
 */
@ApplicationScoped
@Default // also injected unqualified into the scheduler
@Identifier(OwnedPartitions.NAME)
public class OwnedPartitions implements KafkaConsumerRebalanceListener {
  /** Name the send-requests channel refers to. */
  public static final String NAME = "send-requests-partitions";

  private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
  private final AtomicLong generation = new AtomicLong();
  private volatile int total;

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    partitions.forEach(p -> owned.add(p.partition()));
    partitions.stream()
        .findFirst()
        .ifPresent(p -> total = consumer.partitionsFor(p.topic()).size());
    generation.incrementAndGet();
  }

  @Override
  public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    partitions.forEach(p -> owned.remove(p.partition()));
    generation.incrementAndGet();
  }

  @Override
  public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    onPartitionsRevoked(consumer, partitions);
  }

  /** Whether this instance schedules the tenant. */
  public boolean owns(String tenantId) {
    int partitions = total;
    return partitions > 0 && owned.contains(TenantPartitioner.forTenant(tenantId, partitions));
  }

  /**
   * Changes with every assignment or revocation. What this instance counted of a tenant's sends
   * before it owned the tenant misses what the previous owner sent, so counts are read again from
   * the ledger when it changes.
   */
  public long generation() {
    return generation.get();
  }

  /** The fraction of partitions owned (0 before the first assignment). */
  public double share() {
    int partitions = total;
    return partitions == 0 ? 0 : (double) owned.size() / partitions;
  }
}
