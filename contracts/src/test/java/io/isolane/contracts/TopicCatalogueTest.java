package io.isolane.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isolane.contracts.kafka.TenantPartitioner;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class TopicCatalogueTest {

  @Test
  void topicNamesAreUniqueAndResolvable() {
    List<String> names = Topic.all().stream().map(Topic::topicName).toList();

    assertThat(names).doesNotHaveDuplicates();
    names.forEach(n -> assertThat(Topic.byName(n)).isPresent());
    assertThat(Topic.byName("no.such.topic")).isEmpty();
  }

  @Test
  void catalogueHoldsTheIssueTopics() {
    assertThat(Topic.all().stream().map(Topic::topicName))
        .contains(
            "tenant.state",
            "send.requests",
            "email.events",
            "mailbox.limits",
            "domain.limits",
            "suppressions",
            "tenant.commands",
            "inbound.replies",
            "reply.classified",
            "suppression.requests",
            "sender.health");
  }

  @Test
  void everyConsumingServiceHasADeadLetterTopic() {
    assertThat(Topic.all().stream().filter(Topic::isDeadLetter).map(Topic::topicName))
        .containsExactlyInAnyOrder(
            "dlq.tenant-service",
            "dlq.sending-service",
            "dlq.warmup-service",
            "dlq.feedback-service",
            "dlq.reply-classifier");
  }

  @Test
  void compactedTopicsKeepEverythingAndDeleteTopicsExpire() {
    for (Topic topic : Topic.all()) {
      if (topic.cleanupPolicy() == CleanupPolicy.COMPACT) {
        assertThat(topic.retention()).as(topic.topicName()).isEmpty();
        assertThat(topic.topicConfigs()).containsEntry("retention.ms", "-1");
      } else {
        assertThat(topic.retention()).as(topic.topicName()).isPresent();
      }
    }
    assertThat(Topic.TENANT_STATE.cleanupPolicy()).isEqualTo(CleanupPolicy.COMPACT);
    assertThat(Topic.MAILBOX_LIMITS.cleanupPolicy()).isEqualTo(CleanupPolicy.COMPACT);
    assertThat(Topic.DOMAIN_LIMITS.cleanupPolicy()).isEqualTo(CleanupPolicy.COMPACT);
    assertThat(Topic.DOMAIN_LIMITS.keyScheme()).isEqualTo(KeyScheme.TENANT_ENTITY);
    assertThat(Topic.SUPPRESSIONS.cleanupPolicy()).isEqualTo(CleanupPolicy.COMPACT);
  }

  @Test
  void everyEventTypeTravelsOnItsOwnCatalogueTopic() {
    assertThat(EventTypes.all().stream().map(EventType::topic)).doesNotHaveDuplicates();
    EventTypes.all().forEach(t -> assertThat(EventTypes.byCeType(t.ceType())).containsSame(t));
  }

  @Test
  void keysStartWithTheTenantId() {
    assertThat(KeyScheme.TENANT.key("acme", null)).isEqualTo("acme");
    assertThat(KeyScheme.TENANT_ENTITY.key("acme", "a@b.example")).isEqualTo("acme/a@b.example");
    assertThat(KeyScheme.tenantOf("acme/a/b@c.example")).isEqualTo("acme");
    assertThatThrownBy(() -> KeyScheme.TENANT_ENTITY.key("acme", ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyScheme.TENANT.key("Bad/Id", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tenantPartitionerAgreesWithKafkasDefaultForTenantKeys() {
    for (String tenant : List.of("acme", "globex", "initech-eu", "t-0001")) {
      int kafkaDefault =
          BuiltInPartitioner.partitionForKey(tenant.getBytes(StandardCharsets.UTF_8), 12);
      assertThat(TenantPartitioner.forTenant(tenant, 12)).isEqualTo(kafkaDefault);
    }
  }

  @Test
  void tenantIdsAreUrlSafeAndSlashFree() {
    assertThat(TenantIds.isValid("acme-corp")).isTrue();
    assertThat(TenantIds.isValid("ab")).isFalse();
    assertThat(TenantIds.isValid("-acme")).isFalse();
    assertThat(TenantIds.isValid("acme/x")).isFalse();
    assertThat(TenantIds.isValid("Acme")).isFalse();
  }
}
