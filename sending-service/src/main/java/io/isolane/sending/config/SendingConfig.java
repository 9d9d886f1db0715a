package io.isolane.sending.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of sending-service ({@code isolane.sending.*}). */
@ConfigMapping(prefix = "isolane.sending")
public interface SendingConfig {
  /** CloudEvents source of the events this service publishes. */
  @WithDefault("/isolane/sending-service")
  String eventSource();

  /** How long a message may wait for its tenant's state before it fails as unknown tenant. */
  @WithDefault("10m")
  Duration unknownTenantTimeout();

  /** How often messages waiting for their tenant (and interrupted sends) are checked. */
  @WithDefault("5s")
  Duration sweepInterval();

  /** Most waiting messages failed per sweep. */
  @WithDefault("500")
  int sweepBatchSize();

  /** How often mailbox limits are re-read in full (new limits are also picked up at once). */
  @WithDefault("5s")
  Duration limitsRefresh();

  /** How often the scheduler claims and dispatches mail. */
  @WithDefault("20ms")
  Duration tick();

  /** How often the scheduler re-reads tenant lanes: pauses and resumes take effect within it. */
  @WithDefault("500ms")
  Duration laneRefresh();

  /** How long a lane with nothing queued is skipped before it is looked at again. */
  @WithDefault("200ms")
  Duration emptyLaneBackoff();

  /** How long a re-queued message (throttled, mailbox paused, domain not ready) waits. */
  @WithDefault("30s")
  Duration requeueDelay();

  /** Claimed messages not recorded after this long are in doubt (their SES call was lost). */
  @WithDefault("2m")
  Duration inDoubtAfter();

  /** Messages per second the account rate grows back by after SES throttled. */
  @WithDefault("5")
  double accountRateIncrease();

  /** Messages claimed per tenant per tick at most (keeps one tick's work bounded). */
  @WithDefault("200")
  int maxClaimPerTenant();

  /** How often the SES account's max send rate is read again. */
  @WithDefault("5m")
  Duration accountRefresh();

  /** How send.requests is taken in ({@code isolane.sending.intake.*}). */
  Intake intake();

  /** Intake of send.requests: a tenant's burst is parked so it never holds other tenants. */
  interface Intake {
    /**
     * A tenant's records in one poll stored in the ledger at once; the rest of its burst is parked
     * as it came and taken in by the spill drain, round robin over tenants.
     */
    @WithDefault("250")
    int directPerTenant();

    /** How often the spill drain looks for parked records when it has none in hand. */
    @WithDefault("50ms")
    Duration drainInterval();
  }

  /** How long the send ledger keeps finished messages ({@code isolane.sending.retention.*}). */
  Retention retention();

  /** Retention of terminal ledger rows and their history. */
  interface Retention {
    /**
     * How long a terminal message and its history are kept after its last update; at least 2 days
     * and longer than {@code isolane.api.idempotency-ttl}, and it must exceed send.requests' Kafka
     * retention.
     */
    @WithDefault("30d")
    Duration terminal();

    /** How often terminal messages past their retention are deleted. */
    @WithDefault("1h")
    Duration sweepInterval();

    /** Most messages deleted per statement, so one sweep never holds long locks. */
    @WithDefault("5000")
    int batchSize();
  }
}
