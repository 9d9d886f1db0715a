package io.isolane.sessimulator;

/**
 * How a simulator instance behaves.
 *
 * @param host interface to listen on
 * @param port TCP port; 0 picks a free one
 * @param region AWS region it pretends to be (appears in ARNs and messages)
 * @param accountId AWS account id it pretends to be
 * @param maxSendRate recipients per second before TooManyRequestsException
 * @param max24HourSend recipients per rolling 24 hours before the daily quota error
 * @param dns what the simulator sees when it verifies DKIM records
 */
public record SimulatorConfig(
    String host,
    int port,
    String region,
    String accountId,
    double maxSendRate,
    double max24HourSend,
    DnsView dns) {

  /** Loopback, a free port, us-east-1, SES sandbox-like quotas lifted to production defaults. */
  public static SimulatorConfig defaults() {
    return new SimulatorConfig(
        "127.0.0.1", 0, "us-east-1", "123456789012", 14, 50_000, DnsView.everythingPublished());
  }

  public SimulatorConfig withPort(int newPort) {
    return new SimulatorConfig(host, newPort, region, accountId, maxSendRate, max24HourSend, dns);
  }

  public SimulatorConfig withHost(String newHost) {
    return new SimulatorConfig(newHost, port, region, accountId, maxSendRate, max24HourSend, dns);
  }

  public SimulatorConfig withQuota(double newMaxSendRate, double newMax24HourSend) {
    return new SimulatorConfig(
        host, port, region, accountId, newMaxSendRate, newMax24HourSend, dns);
  }

  public SimulatorConfig withDns(DnsView newDns) {
    return new SimulatorConfig(host, port, region, accountId, maxSendRate, max24HourSend, newDns);
  }

  /** The ARN of a resource of this account, e.g. {@code identity/example.com}. */
  public String arn(String resource) {
    return "arn:aws:ses:" + region + ":" + accountId + ":" + resource;
  }
}
