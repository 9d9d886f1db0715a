package io.isolane.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.Topic;
import io.isolane.contracts.events.TenantCommand;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

  @Test
  void brokerHasEveryCatalogueTopicWithItsPolicy() throws Exception {
    try (Admin admin = Admin.create(KafkaBroker.clientProperties())) {
      assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
          .containsAll(Topic.all().stream().map(Topic::topicName).toList());
      List<ConfigResource> resources =
          Topic.all().stream()
              .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.topicName()))
              .toList();
      Map<ConfigResource, Config> configs =
          admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
      for (Topic topic : Topic.all()) {
        Config config =
            configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.topicName()));
        assertThat(config.get("cleanup.policy").value())
            .as(topic.topicName())
            .isEqualTo(topic.cleanupPolicy().config());
      }
    }
  }

  @Test
  void publishedEventsAreSeenByAWatcherDecoded() {
    TenantCommand command =
        new TenantCommand(
            "cmd-42",
            "acme-corp",
            TenantCommand.Action.PAUSE,
            TenantCommand.Scope.TENANT,
            null,
            "testing",
            "testkit",
            Instant.now());
    try (TopicWatcher<TenantCommand> watcher = ContractKafka.watch(EventTypes.TENANT_COMMAND)) {
      ContractKafka.publish(ContractEvent.of(EventTypes.TENANT_COMMAND, "/test", command));

      assertThat(watcher.await(e -> e.data().commandId().equals("cmd-42")).data())
          .isEqualTo(command);
    }
  }

  @Test
  void rawWatcherSeesRecordsThatAreNotEvents() {
    try (TopicWatcher<?> watcher = ContractKafka.watchRaw("dlq.sending-service")) {
      ContractKafka.publishRaw(
          "dlq.sending-service",
          "acme-corp",
          new RecordHeaders(),
          "junk".getBytes(StandardCharsets.UTF_8));

      Collection<?> matched =
          List.of(
              watcher.awaitRecord(
                  r -> "junk".equals(new String(r.value(), StandardCharsets.UTF_8))));
      assertThat(matched).hasSize(1);
    }
  }
}
