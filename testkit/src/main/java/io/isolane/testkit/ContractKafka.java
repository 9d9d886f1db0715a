package io.isolane.testkit;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventType;
import io.isolane.contracts.events.TenantEvent;
import io.isolane.contracts.kafka.EventCodec;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces contract events (or deliberately broken records) on the test broker and watches topics
 * for what services publish. Tests await outputs through {@link TopicWatcher}, never sleep.
 */
public final class ContractKafka {
  private static KafkaProducer<String, byte[]> producer;

  private ContractKafka() {}

  /** Publishes an event to its catalogue topic and waits until the broker has it. */
  public static void publish(ContractEvent<? extends TenantEvent> event) {
    send(EventCodec.toRecord(event));
  }

  /** Publishes many events without waiting between them; returns once the broker has them all. */
  public static void publishAll(Iterable<? extends ContractEvent<? extends TenantEvent>> events) {
    // encoded one by one as the producer takes them
    publishRecords(
        () ->
            java.util.stream.StreamSupport.stream(events.spliterator(), false)
                .<ProducerRecord<String, byte[]>>map(EventCodec::toRecord)
                .iterator());
  }

  /**
   * Publishes records encoded beforehand, as fast as the producer takes them, and waits for every
   * acknowledgement: a burst whose encoding costs the test nothing while it arrives.
   */
  public static void publishRecords(Iterable<ProducerRecord<String, byte[]>> records) {
    java.util.List<java.util.concurrent.Future<?>> acks = new java.util.ArrayList<>();
    records.forEach(r -> acks.add(producer().send(r)));
    for (java.util.concurrent.Future<?> ack : acks) {
      try {
        ack.get(60, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("cannot publish a batch of events", e);
      }
    }
  }

  /** Publishes an arbitrary record: for tests of what consumers do with bad input. */
  public static void publishRaw(String topic, String key, Headers headers, byte[] value) {
    send(new ProducerRecord<>(topic, null, key, value, headers));
  }

  /** Starts watching an event type's topic from its current end. */
  public static <T extends TenantEvent> TopicWatcher<T> watch(EventType<T> type) {
    return new TopicWatcher<>(type, type.topic().topicName());
  }

  /** Starts watching any topic (a dead-letter topic, say) from its current end, undecoded. */
  public static TopicWatcher<TenantEvent> watchRaw(String topic) {
    return new TopicWatcher<>(null, topic);
  }

  private static void send(ProducerRecord<String, byte[]> record) {
    try {
      producer().send(record).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot publish to " + record.topic(), e);
    }
  }

  private static synchronized KafkaProducer<String, byte[]> producer() {
    if (producer == null) {
      producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  KafkaBroker.bootstrapServers(),
                  ProducerConfig.ACKS_CONFIG,
                  "all",
                  ProducerConfig.LINGER_MS_CONFIG,
                  0),
              new StringSerializer(),
              new ByteArraySerializer());
    }
    return producer;
  }
}
