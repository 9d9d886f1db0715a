package io.isolane.sending.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.events.Stream;
import io.isolane.contracts.kafka.TenantPartitioner;
import io.isolane.sending.SendingTestResources;
import io.isolane.sessimulator.state.SendRecord;
import io.isolane.testkit.ContractKafka;
import io.isolane.testkit.KafkaBroker;
import io.isolane.testkit.PackagedApp;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.SesSimulatorResource;
import io.isolane.testkit.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two packaged instances share one SES account: each paces itself at the account's max send rate
 * times its share of {@code send.requests} partitions, so together they use the whole rate and SES
 * never has to throttle them.
 */
class AccountRateSharingIT {
  private static final double ACCOUNT_RATE = 30;
  private static final int TENANTS_PER_PARTITION = 2;
  private static final int MESSAGES_PER_TENANT = 120;
  private static final String GROUP = "sending-service.send-requests";
  private static final SendingTestResources RESOURCES = new SendingTestResources();
  private static Map<String, String> config;

  @BeforeAll
  static void startInfrastructure() {
    config = RESOURCES.start();
  }

  @AfterAll
  static void stopInfrastructure() {
    RESOURCES.stop();
    SesSimulatorResource.simulator().setSendingQuota(1_000, 10_000_000);
  }

  @Test
  void twoInstancesSplitTheAccountRateByOwnedPartitions() throws Exception {
    SesSimulatorResource.simulator().setSendingQuota(ACCOUNT_RATE, 10_000_000);
    int partitions = partitionsOfSendRequests();
    Map<Integer, List<String>> tenantsByPartition = tenants(partitions);
    tenantsByPartition.values().stream()
        .flatMap(List::stream)
        .forEach(t -> SesTenants.provision(t, 500, 10_000_000));
    try (PackagedApp first = start("first");
        PackagedApp second = start("second")) {
      Map<String, Set<Integer>> owners = awaitBothOwnPartitions(partitions);
      tenantsByPartition.values().stream()
          .flatMap(List::stream)
          .forEach(t -> SesTenants.awaitLane(t, 1));
      Thread.sleep(3_000); // each instance sees its share on its next tick, GetAccount every 2 s
      List<ContractEvent<SendRequest>> requests = new ArrayList<>();
      for (int i = 0; i < MESSAGES_PER_TENANT; i++) {
        for (List<String> tenants : tenantsByPartition.values()) {
          for (String tenant : tenants) {
            requests.add(SesTenants.request(tenant, "r-" + i, Stream.MARKETING));
          }
        }
      }
      Set<String> all =
          tenantsByPartition.values().stream()
              .flatMap(List::stream)
              .map(t -> "isl-" + t)
              .collect(Collectors.toSet());
      ContractKafka.publishAll(requests);
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> sends(all).size() >= requests.size());
      Thread.sleep(1_000); // nothing more may arrive

      List<SendRecord> sends = sends(all);
      assertThat(sends).as("every message sent once").hasSize(requests.size());
      assertThat(sends.stream().map(r -> r.tenantName() + "/" + r.tags().get("isolane-message")))
          .doesNotHaveDuplicates();
      assertThat(throttled(tenantsByPartition))
          .as("SES never throttled: the two shares add up to the account's rate, not twice it")
          .isZero();
      double total = rate(sends);
      System.out.printf(
          "account rate %.0f/s: both instances together %.1f/s%n", ACCOUNT_RATE, total);
      assertThat(total)
          .as("together they use the account's rate")
          .isBetween(0.8 * ACCOUNT_RATE, 1.05 * ACCOUNT_RATE);
      for (Map.Entry<String, Set<Integer>> owner : owners.entrySet()) {
        double share = (double) owner.getValue().size() / partitions;
        Set<String> itsTenants =
            owner.getValue().stream()
                .flatMap(p -> tenantsByPartition.get(p).stream())
                .map(t -> "isl-" + t)
                .collect(Collectors.toSet());
        double itsRate = rate(sends(itsTenants));
        System.out.printf(
            "%s owns partitions %s (share %.2f): %.1f/s%n",
            owner.getKey(), owner.getValue(), share, itsRate);
        assertThat(itsRate)
            .as("%s sends at its share of the account's rate", owner.getKey())
            .isBetween(0.85 * share * ACCOUNT_RATE, 1.1 * share * ACCOUNT_RATE);
      }
    }
  }

  /** Tenants whose records land on each partition, so that both instances have work. */
  private static Map<Integer, List<String>> tenants(int partitions) {
    Map<Integer, List<String>> out = new HashMap<>();
    while (out.size() < partitions
        || out.values().stream().anyMatch(l -> l.size() < TENANTS_PER_PARTITION)) {
      String tenant = SampleEvents.newTenantId();
      List<String> on =
          out.computeIfAbsent(
              TenantPartitioner.forTenant(tenant, partitions), p -> new ArrayList<>());
      if (on.size() < TENANTS_PER_PARTITION) {
        on.add(tenant);
      }
    }
    return out;
  }

  /** Waits until both instances' consumers hold partitions of send.requests: client id -> them. */
  private static Map<String, Set<Integer>> awaitBothOwnPartitions(int partitions) throws Exception {
    try (Admin admin = admin()) {
      Map<String, Set<Integer>> owners = new HashMap<>();
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                owners.clear();
                for (MemberDescription m :
                    admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP).members()) {
                  m.assignment().topicPartitions().stream()
                      .filter(tp -> tp.topic().equals("send.requests"))
                      .map(TopicPartition::partition)
                      .forEach(
                          p -> owners.computeIfAbsent(m.clientId(), k -> new TreeSet<>()).add(p));
                }
                return owners.size() == 2
                    && owners.values().stream().mapToInt(Set::size).sum() == partitions;
              });
      return owners;
    }
  }

  private static int partitionsOfSendRequests() throws Exception {
    try (Admin admin = admin()) {
      return admin
          .describeTopics(List.of("send.requests"))
          .allTopicNames()
          .get()
          .get("send.requests")
          .partitions()
          .size();
    }
  }

  private static Admin admin() {
    return Admin.create(Map.of("bootstrap.servers", KafkaBroker.bootstrapServers()));
  }

  /**
   * How often SES answered 429 to these tenants' sends: the reason their messages were deferred.
   */
  private static long throttled(Map<Integer, List<String>> tenantsByPartition) {
    String tenants =
        tenantsByPartition.values().stream()
            .flatMap(List::stream)
            .map(t -> "'" + t + "'")
            .collect(Collectors.joining(","));
    return Long.parseLong(
        TestDatabase.queryString(
            "sending",
            "SELECT count(*) FROM message_history WHERE tenant_id IN ("
                + tenants
                + ") AND status_reason LIKE 'SES throttled%'"));
  }

  /** Sends per second between the 10th and the 90th percentile of their acceptance times. */
  private static double rate(List<SendRecord> sends) {
    List<Instant> at = sends.stream().map(SendRecord::sentAt).sorted().toList();
    int from = at.size() / 10;
    int to = at.size() * 9 / 10;
    return (to - from) / (Duration.between(at.get(from), at.get(to)).toMillis() / 1000.0);
  }

  private static List<SendRecord> sends(Set<String> sesTenants) {
    return SesSimulatorResource.simulator().state().sendLog.stream()
        .filter(r -> sesTenants.contains(r.tenantName()))
        .toList();
  }

  /** The packaged application with its own consumer client id, to tell the two apart. */
  private static PackagedApp start(String name) throws Exception {
    Map<String, String> properties = new HashMap<>(config);
    properties.putAll(
        Map.of(
            "mp.messaging.incoming.send-requests-in.client.id",
            name,
            "isolane.sending.account-refresh",
            "2s"));
    return PackagedApp.start(
        Path.of("target/quarkus-app/quarkus-run.jar"),
        properties,
        Path.of("target/account-rate-" + name + ".log"));
  }
}
