package io.isolane.sessimulator;

import java.time.Duration;

/**
 * How a simulator instance behaves.
 *
 * @param host interface to listen on
 * @param port TCP port; 0 picks a free one
 * @param region AWS region it pretends to be (appears in ARNs and messages)
 * @param accountId AWS account id it pretends to be
 * @param maxSendRate recipients per second before TooManyRequestsException
 * @param max24HourSend recipients per rolling 24 hours before the daily quota error
 * @param dns what the simulator sees when it verifies DKIM and MAIL FROM records
 * @param snsRetries how often SNS retries a failed HTTP delivery (SNS's default: 3)
 * @param snsRetryDelay pause between those retries (SNS's default: 20 s)
 * @param outcomes what happens to recipients after SES accepts a message
 * @param snsSigningKeyBits RSA key size SNS messages are signed with (SNS: 2048; signing costs
 *     about 0.8 ms per message at 2048 bits, 0.14 ms at 1024, on one core of our machines)
 */
public record SimulatorConfig(
    String host,
    int port,
    String region,
    String accountId,
    double maxSendRate,
    double max24HourSend,
    DnsView dns,
    int snsRetries,
    Duration snsRetryDelay,
    io.isolane.sessimulator.events.OutcomeModel outcomes,
    int snsSigningKeyBits) {

  /** Loopback, a free port, us-east-1, production-like quotas, SNS's default retry policy. */
  public static SimulatorConfig defaults() {
    return new SimulatorConfig(
        "127.0.0.1",
        0,
        "us-east-1",
        "123456789012",
        14,
        50_000,
        DnsView.everythingPublished(),
        3,
        Duration.ofSeconds(20),
        io.isolane.sessimulator.events.OutcomeModel.deliverAll(),
        2048);
  }

  public SimulatorConfig withPort(int newPort) {
    return new SimulatorConfig(
        host,
        newPort,
        region,
        accountId,
        maxSendRate,
        max24HourSend,
        dns,
        snsRetries,
        snsRetryDelay,
        outcomes,
        snsSigningKeyBits);
  }

  public SimulatorConfig withHost(String newHost) {
    return new SimulatorConfig(
        newHost,
        port,
        region,
        accountId,
        maxSendRate,
        max24HourSend,
        dns,
        snsRetries,
        snsRetryDelay,
        outcomes,
        snsSigningKeyBits);
  }

  public SimulatorConfig withQuota(double newMaxSendRate, double newMax24HourSend) {
    return new SimulatorConfig(
        host,
        port,
        region,
        accountId,
        newMaxSendRate,
        newMax24HourSend,
        dns,
        snsRetries,
        snsRetryDelay,
        outcomes,
        snsSigningKeyBits);
  }

  public SimulatorConfig withDns(DnsView newDns) {
    return new SimulatorConfig(
        host,
        port,
        region,
        accountId,
        maxSendRate,
        max24HourSend,
        newDns,
        snsRetries,
        snsRetryDelay,
        outcomes,
        snsSigningKeyBits);
  }

  public SimulatorConfig withSnsRetries(int retries, Duration delay) {
    return new SimulatorConfig(
        host,
        port,
        region,
        accountId,
        maxSendRate,
        max24HourSend,
        dns,
        retries,
        delay,
        outcomes,
        snsSigningKeyBits);
  }

  public SimulatorConfig withOutcomes(io.isolane.sessimulator.events.OutcomeModel newOutcomes) {
    return new SimulatorConfig(
        host,
        port,
        region,
        accountId,
        maxSendRate,
        max24HourSend,
        dns,
        snsRetries,
        snsRetryDelay,
        newOutcomes,
        snsSigningKeyBits);
  }

  public SimulatorConfig withSnsSigningKeyBits(int bits) {
    return new SimulatorConfig(
        host,
        port,
        region,
        accountId,
        maxSendRate,
        max24HourSend,
        dns,
        snsRetries,
        snsRetryDelay,
        outcomes,
        bits);
  }

  /** The ARN of an SES resource of this account, e.g. {@code identity/example.com}. */
  public String arn(String resource) {
    return "arn:aws:ses:" + region + ":" + accountId + ":" + resource;
  }

  /** The ARN of an SNS topic of this account. */
  public String topicArn(String topicName) {
    return "arn:aws:sns:" + region + ":" + accountId + ":" + topicName;
  }
}
