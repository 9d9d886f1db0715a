package io.isolane.contracts;

/** Kafka {@code cleanup.policy} of a topic. */
public enum CleanupPolicy {
  /** Segments are deleted after the retention period: an event log. */
  DELETE("delete"),
  /** Only the latest record per key is kept: a table of current state. */
  COMPACT("compact");

  private final String config;

  CleanupPolicy(String config) {
    this.config = config;
  }

  /** The value of Kafka's {@code cleanup.policy} topic config. */
  public String config() {
    return config;
  }
}
