package io.isolane.testkit;

import io.isolane.contracts.Topic;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.jboss.logging.Logger;

/**
 * One real Apache Kafka broker per test JVM: KRaft, combined broker and controller, on a free port,
 * with every catalogue topic. When {@code KAFKA_BOOTSTRAP_SERVERS} is set, that cluster is used
 * instead (topics are still created when missing).
 *
 * <p>The broker runs inside the test JVM, so it cannot outlive it: a killed JVM takes it along. Its
 * log directories are temporary and deleted on a normal exit.
 */
public final class KafkaBroker {
  /** Partitions per topic in tests: fewer than production to keep group joins quick. */
  static final int TEST_PARTITIONS = Integer.getInteger("isolane.test.partitions", 3);

  private static final Logger LOG = Logger.getLogger(KafkaBroker.class);
  private static String bootstrapServers;
  private static KafkaClusterTestKit cluster;

  private KafkaBroker() {}

  /** Bootstrap servers of the running broker, starting it (and creating topics) on first use. */
  public static synchronized String bootstrapServers() {
    if (bootstrapServers == null) {
      String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
      bootstrapServers = external == null || external.isBlank() ? startEmbedded() : external;
      createCatalogueTopics(bootstrapServers);
    }
    return bootstrapServers;
  }

  private static final List<Runnable> KAFKA_CLEANUP = new CopyOnWriteArrayList<>();

  private static String startEmbedded() {
    long started = System.nanoTime();
    // Kafka's test utilities delete their temporary directories in JVM shutdown hooks of their own,
    // which the JVM runs at the same time as the hook that stops the broker: a log directory could
    // vanish under the live broker, which then halts the JVM with status 1 and fails the test fork
    // after every test passed. Those hooks run once the broker has stopped instead.
    Exit.setShutdownHookAdder((name, hook) -> KAFKA_CLEANUP.add(hook));
    Exit.setHaltProcedure(
        (status, message) ->
            LOG.errorf(
                "the embedded Kafka broker asked to halt the JVM (%d): %s", status, message));
    try {
      TestKitNodes nodes =
          new TestKitNodes.Builder()
              .setCombined(true)
              .setNumBrokerNodes(1)
              .setNumControllerNodes(1)
              .build();
      cluster =
          new KafkaClusterTestKit.Builder(nodes)
              .setConfigProp("group.initial.rebalance.delay.ms", "0")
              .setConfigProp("offsets.topic.replication.factor", "1")
              .setConfigProp("offsets.topic.num.partitions", "3")
              .setConfigProp("transaction.state.log.replication.factor", "1")
              .setConfigProp("transaction.state.log.min.isr", "1")
              .setConfigProp("auto.create.topics.enable", "false")
              .setDeleteOnClose(true)
              .build();
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the embedded Kafka broker", e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(KafkaBroker::stop, "kafka-broker-stop"));
    LOG.infof(
        "Kafka broker on %s (%d ms)",
        cluster.bootstrapServers(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    return cluster.bootstrapServers();
  }

  private static void createCatalogueTopics(String servers) {
    List<NewTopic> topics =
        Topic.all().stream()
            .map(
                t ->
                    new NewTopic(
                            t.topicName(), Math.min(t.partitions(), TEST_PARTITIONS), (short) 1)
                        .configs(t.topicConfigs()))
            .toList();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
      admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create the catalogue topics", e);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot create the catalogue topics", e);
    }
  }

  /** Client properties pointing at the broker. */
  public static Properties clientProperties() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return props;
  }

  private static synchronized void stop() {
    if (cluster != null) {
      try {
        cluster.close();
      } catch (Exception e) {
        LOG.warn("Kafka broker did not stop cleanly", e);
      }
      cluster = null;
    }
    KAFKA_CLEANUP.forEach(Runnable::run);
    KAFKA_CLEANUP.clear();
  }
}
