package io.isolane.testkit;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventType;
import io.isolane.contracts.events.TenantEvent;
import io.isolane.contracts.kafka.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one topic from the moment it was created and keeps what it saw, so a test can await several
 * records in any order. Records of an event type are decoded with the contract codec: a record that
 * does not decode fails the test.
 *
 * @param <T> payload of the watched event type (unused for raw watchers)
 */
public final class TopicWatcher<T extends TenantEvent> implements AutoCloseable {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final EventType<T> type;
  private final KafkaConsumer<String, byte[]> consumer;
  private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

  TopicWatcher(EventType<T> type, String topic) {
    this.type = type;
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-watcher-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolve the end offsets now, not at first poll
  }

  /** The first event matching {@code match}, waiting up to 30 s. */
  public ContractEvent<T> await(Predicate<ContractEvent<T>> match) {
    return await(match, DEFAULT_TIMEOUT);
  }

  /** The first event matching {@code match}, waiting up to {@code timeout}. */
  public ContractEvent<T> await(Predicate<ContractEvent<T>> match, Duration timeout) {
    ConsumerRecord<String, byte[]> record =
        awaitRecord(r -> match.test(EventCodec.decode(type, r)), timeout);
    return EventCodec.decode(type, record);
  }

  /** The first raw record matching {@code match}, waiting up to 30 s. */
  public ConsumerRecord<String, byte[]> awaitRecord(
      Predicate<ConsumerRecord<String, byte[]>> match) {
    return awaitRecord(match, DEFAULT_TIMEOUT);
  }

  /** The first raw record matching {@code match}, waiting up to {@code timeout}. */
  public ConsumerRecord<String, byte[]> awaitRecord(
      Predicate<ConsumerRecord<String, byte[]>> match, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int checked = 0;
    while (true) {
      for (; checked < seen.size(); checked++) {
        if (match.test(seen.get(checked))) {
          return seen.get(checked);
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "no matching record on "
                + consumer.assignment()
                + " within "
                + timeout
                + "; saw "
                + seen.size()
                + "; "
                + offsets());
      }
      consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
    }
  }

  /**
   * Where the watcher is against the end of each partition: a watcher that saw nothing while the
   * ends moved on was not reading; ends that stayed where it is mean nothing was produced.
   */
  private String offsets() {
    try {
      Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
      StringBuilder out = new StringBuilder("position/end");
      ends.forEach(
          (p, end) ->
              out.append(' ')
                  .append(p.partition())
                  .append(':')
                  .append(consumer.position(p))
                  .append('/')
                  .append(end));
      return out.toString();
    } catch (RuntimeException e) {
      return "end offsets unknown: " + e;
    }
  }

  /**
   * The {@code dead-letter-reason} header of the first dead-letter record with this key, waiting up
   * to 30 s: what a consuming service said was wrong with a record it rejected.
   */
  public String awaitDeadLetterReason(String key) {
    Header reason =
        awaitRecord(r -> key.equals(r.key())).headers().lastHeader("dead-letter-reason");
    if (reason == null) {
      throw new AssertionError("dead-letter record for " + key + " carries no reason");
    }
    return new String(reason.value(), StandardCharsets.UTF_8);
  }

  /** Every record seen so far (polling once more first). */
  public List<ConsumerRecord<String, byte[]>> seen() {
    consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
    return List.copyOf(seen);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
