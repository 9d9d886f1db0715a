package io.isolane.sending;

import io.isolane.testkit.IsolaneTestResource;
import io.isolane.testkit.SesSimulatorResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * What sending-service talks to in tests: Kafka, PostgreSQL and the SES simulator. One set for
 * every test class, so the application boots once per JVM.
 */
public class SendingTestResources implements QuarkusTestResourceLifecycleManager {
  /** A test-only signing secret; tests verify links with {@link #UNSUBSCRIBE_SECRET}. */
  public static final byte[] UNSUBSCRIBE_SECRET =
      "sending-service-tests-only-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  static final Map<String, String> UNSUBSCRIBE =
      Map.of(
          "isolane.unsubscribe.base-url", "https://unsubscribe.test.example/u",
          "isolane.unsubscribe.signing-key-id", "t1",
          "isolane.unsubscribe.secrets",
              "t1:" + java.util.Base64.getEncoder().encodeToString(UNSUBSCRIBE_SECRET));

  private final IsolaneTestResource infra = new IsolaneTestResource();
  private final SesSimulatorResource ses = new SesSimulatorResource();

  @Override
  public Map<String, String> start() {
    infra.init(Map.of("database", "sending"));
    Map<String, String> config = new HashMap<>(infra.start());
    config.putAll(ses.start());
    config.putAll(UNSUBSCRIBE);
    return config;
  }

  @Override
  public void stop() {
    infra.stop();
    ses.stop();
  }
}
