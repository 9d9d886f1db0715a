package io.isolane.sessimulator;

import io.isolane.sessimulator.events.OutcomeModel;
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
 * @param controlPlaneRate SES v2 calls per second other than SendEmail, SendBulkEmail and
 *     GetAccount before TooManyRequestsException "Rate exceeded" (SES: about 1); 0 = unlimited
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
    OutcomeModel outcomes,
    int snsSigningKeyBits,
    double controlPlaneRate) {

  /**
   * Loopback, a free port, us-east-1, production-like quotas, SNS's default retry policy, no
   * control-plane rate limit.
   */
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
        OutcomeModel.deliverAll(),
        2048,
        0);
  }

  public SimulatorConfig withPort(int newPort) {
    return toBuilder().port(newPort).build();
  }

  public SimulatorConfig withHost(String newHost) {
    return toBuilder().host(newHost).build();
  }

  public SimulatorConfig withQuota(double newMaxSendRate, double newMax24HourSend) {
    return toBuilder().maxSendRate(newMaxSendRate).max24HourSend(newMax24HourSend).build();
  }

  public SimulatorConfig withDns(DnsView newDns) {
    return toBuilder().dns(newDns).build();
  }

  public SimulatorConfig withSnsRetries(int retries, Duration delay) {
    return toBuilder().snsRetries(retries).snsRetryDelay(delay).build();
  }

  public SimulatorConfig withOutcomes(OutcomeModel newOutcomes) {
    return toBuilder().outcomes(newOutcomes).build();
  }

  public SimulatorConfig withSnsSigningKeyBits(int bits) {
    return toBuilder().snsSigningKeyBits(bits).build();
  }

  /** Limits SES v2 control-plane calls to {@code perSecond} (0 = unlimited), as SES does. */
  public SimulatorConfig withControlPlaneRate(double perSecond) {
    return toBuilder().controlPlaneRate(perSecond).build();
  }

  private Builder toBuilder() {
    Builder b = new Builder();
    b.host = host;
    b.port = port;
    b.region = region;
    b.accountId = accountId;
    b.maxSendRate = maxSendRate;
    b.max24HourSend = max24HourSend;
    b.dns = dns;
    b.snsRetries = snsRetries;
    b.snsRetryDelay = snsRetryDelay;
    b.outcomes = outcomes;
    b.snsSigningKeyBits = snsSigningKeyBits;
    b.controlPlaneRate = controlPlaneRate;
    return b;
  }

  /** Copies a configuration with some settings changed. */
  private static final class Builder {
    private String host;
    private int port;
    private String region;
    private String accountId;
    private double maxSendRate;
    private double max24HourSend;
    private DnsView dns;
    private int snsRetries;
    private Duration snsRetryDelay;
    private OutcomeModel outcomes;
    private int snsSigningKeyBits;
    private double controlPlaneRate;

    Builder host(String v) {
      host = v;
      return this;
    }

    Builder port(int v) {
      port = v;
      return this;
    }

    Builder maxSendRate(double v) {
      maxSendRate = v;
      return this;
    }

    Builder max24HourSend(double v) {
      max24HourSend = v;
      return this;
    }

    Builder dns(DnsView v) {
      dns = v;
      return this;
    }

    Builder snsRetries(int v) {
      snsRetries = v;
      return this;
    }

    Builder snsRetryDelay(Duration v) {
      snsRetryDelay = v;
      return this;
    }

    Builder outcomes(OutcomeModel v) {
      outcomes = v;
      return this;
    }

    Builder snsSigningKeyBits(int v) {
      snsSigningKeyBits = v;
      return this;
    }

    Builder controlPlaneRate(double v) {
      controlPlaneRate = v;
      return this;
    }

    SimulatorConfig build() {
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
          snsSigningKeyBits,
          controlPlaneRate);
    }
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
