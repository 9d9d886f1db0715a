package io.isolane.sending.client;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.kafka.EventCodec;
import io.isolane.testkit.KafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import software.amazon.awssdk.services.sesv2.model.MessageTag;

/**
 * The benchmark's baseline: the obvious design sending-service is measured against. One consumer on
 * a one-partition topic (what tenants hashed to the same partition get) takes records strictly in
 * order and waits on each tenant's rate before sending it to SES, so a tenant's backlog blocks
 * every record behind it.
 */
final class NaiveSender implements AutoCloseable {
  private final String topic = "bench.naive-" + UUID.randomUUID().toString().substring(0, 8);
  private final Map<String, Integer> perSecond;
  private final Map<String, Long> nextAt = new HashMap<>();
  private final KafkaProducer<String, byte[]> producer;
  private final Thread worker;
  private volatile boolean running = true;

  NaiveSender(Map<String, Integer> perSecond) throws Exception {
    this.perSecond = perSecond;
    String servers = KafkaBroker.bootstrapServers();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
      admin
          .createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer());
    worker = new Thread(this::consume, "naive-sender");
    worker.start();
  }

  /** Produces the events to the naive topic; returns once the broker has them all. */
  void publishAll(List<ContractEvent<SendRequest>> events) {
    List<Future<?>> acks = new ArrayList<>();
    for (ContractEvent<SendRequest> e : events) {
      ProducerRecord<String, byte[]> r = EventCodec.toRecord(e);
      acks.add(producer.send(new ProducerRecord<>(topic, null, r.key(), r.value(), r.headers())));
    }
    try {
      for (Future<?> ack : acks) {
        ack.get(60, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot publish to " + topic, e);
    }
  }

  private void consume() {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            KafkaBroker.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            topic,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(List.of(new TopicPartition(topic, 0)));
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
          if (!running) {
            return;
          }
          SendRequest r = EventCodec.decode(EventTypes.SEND_REQUEST, record).data();
          awaitRate(r.tenantId());
          send(r);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Blocks until the tenant may send again: the head-of-line blocking under test. */
  private void awaitRate(String tenantId) throws InterruptedException {
    long interval = TimeUnit.SECONDS.toNanos(1) / perSecond.get(tenantId);
    long now = System.nanoTime();
    long at = Math.max(now, nextAt.getOrDefault(tenantId, now));
    TimeUnit.NANOSECONDS.sleep(at - now);
    nextAt.put(tenantId, at + interval);
  }

  private static void send(SendRequest r) {
    SesTenants.ses()
        .sendEmail(
            b ->
                b.tenantName("isl-" + r.tenantId())
                    .configurationSetName(SesTenants.set(r.tenantId(), r.stream()))
                    .fromEmailAddress(r.mailbox())
                    .destination(d -> d.toAddresses(r.to()))
                    .content(
                        c ->
                            c.simple(
                                m ->
                                    m.subject(s -> s.data(r.subject()))
                                        .body(x -> x.text(t -> t.data(r.content().text())))))
                    .emailTags(
                        MessageTag.builder().name("isolane-message").value(r.messageId()).build()))
        .join();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    worker.interrupt();
    worker.join(10_000);
    producer.close();
  }
}
