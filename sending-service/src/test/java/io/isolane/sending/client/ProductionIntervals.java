package io.isolane.sending.client;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The benchmark's settings: the production defaults of every interval the test profile shortens
 * (sweeps, refreshes, the relay), so that what is measured is the service as it runs, not its
 * background work sped up for tests. The account's max send rate is still re-read every 2 s: the
 * scenarios change it.
 */
public class ProductionIntervals implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "isolane.outbox.poll-interval", "1s",
        "isolane.sending.unknown-tenant-timeout", "10m",
        "isolane.sending.sweep-interval", "5s",
        "isolane.sending.in-doubt-after", "2m",
        "isolane.sending.lane-refresh", "500ms",
        "isolane.sending.limits-refresh", "5s",
        "isolane.sending.requeue-delay", "30s",
        "isolane.sending.retention.sweep-interval", "1h",
        "isolane.sending.retention.batch-size", "5000");
  }
}
