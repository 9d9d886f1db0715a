package io.isolane.testkit;

import io.isolane.sessimulator.SesSimulator;
import io.isolane.sessimulator.SimulatorConfig;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} an SES v2 + SNS endpoint: the project's simulator, started in the
 * test JVM (one per JVM, shared by test classes), with a quota of 1,000 messages per second.
 * Services reach it through the real AWS SDK with the returned {@code isolane.aws.*} settings;
 * tests read what it received through {@link #simulator()}.
 */
public class SesSimulatorResource implements QuarkusTestResourceLifecycleManager {
  private static SesSimulator simulator;

  /** The running simulator, started on first use. */
  public static synchronized SesSimulator simulator() {
    if (simulator == null) {
      simulator = SesSimulator.start(SimulatorConfig.defaults());
      // a production account's quota, not the sandbox's 14/s: tests lower it where they need to
      simulator.setSendingQuota(1_000, 10_000_000);
      Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "ses-simulator-stop"));
    }
    return simulator;
  }

  @Override
  public Map<String, String> start() {
    return Map.of(
        "isolane.aws.endpoint-override", simulator().endpoint().toString(),
        "isolane.aws.region", "us-east-1",
        "isolane.aws.access-key-id", "simulator",
        "isolane.aws.secret-access-key", "simulator");
  }

  @Override
  public void stop() {
    // shared by every test class of the JVM; stopped by its shutdown hook
  }
}
