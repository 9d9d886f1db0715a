package io.isolane.sessimulator.state;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** An SES tenant: a named group of resources with its own sending status. */
public final class SesTenant {
  public final String name;
  public final String id;
  public final String arn;
  public final Instant createdAt;
  public final Map<String, String> tags;

  /** ARNs of associated identities, configuration sets and templates, with when. */
  public final Map<String, Instant> resources = new ConcurrentHashMap<>();

  /** ENABLED, REINSTATED or DISABLED. */
  public volatile String sendingStatus = "ENABLED";

  public SesTenant(
      String name, String id, String arn, Instant createdAt, Map<String, String> tags) {
    this.name = name;
    this.id = id;
    this.arn = arn;
    this.createdAt = createdAt;
    this.tags = Map.copyOf(tags);
  }

  public Set<String> resourceArns() {
    return resources.keySet();
  }

  public boolean paused() {
    return "DISABLED".equals(sendingStatus);
  }
}
