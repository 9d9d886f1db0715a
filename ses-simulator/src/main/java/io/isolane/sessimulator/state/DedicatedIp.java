package io.isolane.sessimulator.state;

/** A dedicated IP address of the account and its warm-up. */
public final class DedicatedIp {
  public final String ip;
  public volatile String poolName;

  /** IN_PROGRESS, DONE or NOT_APPLICABLE. */
  public volatile String warmupStatus = "IN_PROGRESS";

  public volatile int warmupPercentage;

  public DedicatedIp(String ip, String poolName) {
    this.ip = ip;
    this.poolName = poolName;
  }
}
