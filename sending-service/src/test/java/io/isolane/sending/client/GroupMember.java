package io.isolane.sending.client;

import static org.awaitility.Awaitility.await;

import io.isolane.testkit.KafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Another member of the service's send.requests group, as a second instance would be. */
final class GroupMember {
  private GroupMember() {}

  /** Joins the group and returns once it holds some of the partitions; closing it leaves. */
  static KafkaConsumer<String, byte[]> join() {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            KafkaBroker.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "sending-service.send-requests",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
            1);
    KafkaConsumer<String, byte[]> member =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    member.subscribe(List.of("send.requests"));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              member.poll(Duration.ofMillis(200));
              return !member.assignment().isEmpty();
            });
    return member;
  }
}
