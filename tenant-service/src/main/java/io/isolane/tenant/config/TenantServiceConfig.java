package io.isolane.tenant.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of tenant-service ({@code isolane.tenant.*}). */
@ConfigMapping(prefix = "isolane.tenant")
public interface TenantServiceConfig {

  /** Hex SHA-256 digests of the platform admin tokens; unset means no admin can log in. */
  Optional<List<String>> adminTokenSha256();

  /** Messages per second a new tenant may send when its request names no limit. */
  @WithDefault("10")
  int defaultMaxPerSecond();

  /** Messages per day a new tenant may send when its request names no limit. */
  @WithDefault("10000")
  int defaultMaxPerDay();

  /** CloudEvents source of the events this service publishes. */
  @WithDefault("/isolane/tenant-service")
  String eventSource();

  /** SES provisioning. */
  Ses ses();

  /** The reconciler that makes SES match each tenant's desired state. */
  Reconcile reconcile();

  /** DNS verification of sending domains. */
  Dns dns();

  /** SES provisioning ({@code isolane.tenant.ses.*}). */
  interface Ses {
    /** SNS topic ARN every configuration set publishes its events to (feedback-service's). */
    Optional<String> feedbackTopicArn();

    /** Prefix of every SES resource name this platform creates. */
    @WithDefault("isl-")
    String namePrefix();

    /** SES control-plane calls per second this service allows itself (SES allows about 1). */
    @WithDefault("1")
    double controlPlaneRate();

    /** Attempts per SES call, throttling and server errors retried with backoff by the SDK. */
    @WithDefault("5")
    int maxAttempts();
  }

  /** Reconciliation ({@code isolane.tenant.reconcile.*}). */
  interface Reconcile {
    /** How often the reconciler looks for tenants to reconcile. */
    @WithDefault("5s")
    Duration interval();

    /** How long one instance holds a tenant while reconciling it. */
    @WithDefault("5m")
    Duration lease();

    /** Tenants reconciled per round. */
    @WithDefault("10")
    int batchSize();

    /** Retryable failures in a row after which a tenant is marked failed. */
    @WithDefault("8")
    int maxAttempts();

    /** First backoff after a retryable failure; doubles per attempt. */
    @WithDefault("5s")
    Duration backoff();
  }

  /** DNS verification ({@code isolane.tenant.dns.*}). */
  interface Dns {
    /** Resolver to query; unset means the system's first resolver. */
    Optional<String> resolverHost();

    /** Resolver port. */
    @WithDefault("53")
    int resolverPort();

    /** Timeout of one DNS query. */
    @WithDefault("5s")
    Duration timeout();

    /** How often every domain is verified again. */
    @WithDefault("1h")
    Duration reverifyInterval();

    /** Local part of the DMARC aggregate-report address recommended to customers. */
    @WithDefault("dmarc-reports")
    String dmarcReportLocalPart();
  }
}
