package io.isolane.contracts;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The topic catalogue: every topic of the platform, its defaults and its owner. Services create
 * nothing ad hoc; deploy tooling and the testkit create topics from this list.
 */
public enum Topic {
  TENANT_STATE(
      "tenant.state",
      12,
      CleanupPolicy.COMPACT,
      null,
      KeyScheme.TENANT,
      "tenant-service",
      "Latest state of each tenant: status, limits, domains, mailboxes, API key digests."),
  SEND_REQUESTS(
      "send.requests",
      12,
      CleanupPolicy.DELETE,
      Duration.ofDays(7),
      KeyScheme.TENANT,
      "sending-service",
      "Commands to send one message; the platform may also produce them directly."),
  EMAIL_EVENTS(
      "email.events",
      12,
      CleanupPolicy.DELETE,
      Duration.ofDays(30),
      KeyScheme.TENANT,
      "sending-service, feedback-service",
      "Every delivery lifecycle event of every message."),
  MAILBOX_LIMITS(
      "mailbox.limits",
      12,
      CleanupPolicy.COMPACT,
      null,
      KeyScheme.TENANT_ENTITY,
      "warmup-service",
      "Today's cap and pacing of each mailbox (key: tenant/mailbox address)."),
  DOMAIN_LIMITS(
      "domain.limits",
      12,
      CleanupPolicy.COMPACT,
      null,
      KeyScheme.TENANT_ENTITY,
      "warmup-service",
      "Today's cap of each sending domain over all its mailboxes (key: tenant/domain)."),
  SUPPRESSIONS(
      "suppressions",
      12,
      CleanupPolicy.COMPACT,
      null,
      KeyScheme.TENANT_ENTITY,
      "feedback-service",
      "Per-tenant suppressed addresses with reason (key: tenant/address)."),
  TENANT_COMMANDS(
      "tenant.commands",
      12,
      CleanupPolicy.DELETE,
      Duration.ofDays(30),
      KeyScheme.TENANT,
      "tenant-service, feedback-service",
      "Pause or resume a mailbox, domain or tenant, with reason and issuer."),
  INBOUND_REPLIES(
      "inbound.replies",
      12,
      CleanupPolicy.DELETE,
      Duration.ofDays(7),
      KeyScheme.TENANT,
      "feedback-service",
      "Inbound mail (raw MIME) received for a tenant's domains."),
  REPLY_CLASSIFIED(
      "reply.classified",
      12,
      CleanupPolicy.DELETE,
      Duration.ofDays(30),
      KeyScheme.TENANT,
      "reply-classifier",
      "The category of every inbound reply."),
  SUPPRESSION_REQUESTS(
      "suppression.requests",
      12,
      CleanupPolicy.DELETE,
      Duration.ofDays(7),
      KeyScheme.TENANT,
      "reply-classifier",
      "Requests to suppress an address for a tenant (unsubscribe replies, hard-bounce reports)."),
  SENDER_HEALTH(
      "sender.health",
      12,
      CleanupPolicy.DELETE,
      Duration.ofDays(30),
      KeyScheme.TENANT,
      "feedback-service",
      "Health changes of a tenant, sending domain, mailbox or recipient domain, with figures."),
  DLQ_TENANT_SERVICE(deadLetter("tenant-service")),
  DLQ_SENDING_SERVICE(deadLetter("sending-service")),
  DLQ_WARMUP_SERVICE(deadLetter("warmup-service")),
  DLQ_FEEDBACK_SERVICE(deadLetter("feedback-service")),
  DLQ_REPLY_CLASSIFIER(deadLetter("reply-classifier"));

  private final String topicName;
  private final int partitions;
  private final CleanupPolicy cleanupPolicy;
  private final Duration retention;
  private final KeyScheme keyScheme;
  private final String producedBy;
  private final String description;

  Topic(
      String topicName,
      int partitions,
      CleanupPolicy cleanupPolicy,
      Duration retention,
      KeyScheme keyScheme,
      String producedBy,
      String description) {
    this.topicName = topicName;
    this.partitions = partitions;
    this.cleanupPolicy = cleanupPolicy;
    this.retention = retention;
    this.keyScheme = keyScheme;
    this.producedBy = producedBy;
    this.description = description;
  }

  Topic(Topic.Spec spec) {
    this(
        spec.name,
        spec.partitions,
        spec.policy,
        spec.retention,
        KeyScheme.TENANT,
        spec.producer,
        spec.description);
  }

  private record Spec(
      String name,
      int partitions,
      CleanupPolicy policy,
      Duration retention,
      String producer,
      String description) {}

  private static Spec deadLetter(String service) {
    return new Spec(
        "dlq." + service,
        3,
        CleanupPolicy.DELETE,
        Duration.ofDays(14),
        service,
        "Records " + service + " rejected, with the reason in the dead-letter headers.");
  }

  /** The Kafka topic name. */
  public String topicName() {
    return topicName;
  }

  /** Default partition count. */
  public int partitions() {
    return partitions;
  }

  public CleanupPolicy cleanupPolicy() {
    return cleanupPolicy;
  }

  /** Retention of a delete-policy topic; empty means kept forever (compacted topics). */
  public Optional<Duration> retention() {
    return Optional.ofNullable(retention);
  }

  public KeyScheme keyScheme() {
    return keyScheme;
  }

  /** The service (or services) that produce this topic. */
  public String producedBy() {
    return producedBy;
  }

  public String description() {
    return description;
  }

  /** Whether this is a service's dead-letter topic. */
  public boolean isDeadLetter() {
    return topicName.startsWith("dlq.");
  }

  /** The topic configs to create this topic with. */
  public Map<String, String> topicConfigs() {
    long retentionMs = retention == null ? -1 : retention.toMillis();
    return Map.of(
        "cleanup.policy", cleanupPolicy.config(), "retention.ms", Long.toString(retentionMs));
  }

  /** Looks a topic up by its Kafka name. */
  public static Optional<Topic> byName(String topicName) {
    return Arrays.stream(values()).filter(t -> t.topicName.equals(topicName)).findFirst();
  }

  /** Every topic, in catalogue order. */
  public static List<Topic> all() {
    return List.of(values());
  }
}
