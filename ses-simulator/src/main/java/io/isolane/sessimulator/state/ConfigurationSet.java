package io.isolane.sessimulator.state;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A configuration set: sending switch, suppression options, delivery options, destinations. */
public final class ConfigurationSet {
  public final String name;
  public final Map<String, String> tags;
  public final Map<String, EventDestination> destinations = new ConcurrentHashMap<>();
  public volatile boolean sendingEnabled = true;

  /** Null: the account-level suppression list settings apply. */
  public volatile List<String> suppressedReasons;

  public volatile String sendingPoolName;
  public volatile String tlsPolicy = "OPTIONAL";
  public volatile Long maxDeliverySeconds;

  public ConfigurationSet(String name, Map<String, String> tags) {
    this.name = name;
    this.tags = Map.copyOf(tags);
  }

  /**
   * Where SES publishes events of this configuration set.
   *
   * @param name destination name
   * @param enabled whether it receives events
   * @param matchingEventTypes SES event types (SEND, DELIVERY, BOUNCE ...)
   * @param snsTopicArn SNS topic, when the destination is SNS
   */
  public record EventDestination(
      String name, boolean enabled, List<String> matchingEventTypes, String snsTopicArn) {}
}
