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
  private final IsolaneTestResource infra = new IsolaneTestResource();
  private final SesSimulatorResource ses = new SesSimulatorResource();

  @Override
  public Map<String, String> start() {
    infra.init(Map.of("database", "sending"));
    Map<String, String> config = new HashMap<>(infra.start());
    config.putAll(ses.start());
    return config;
  }

  @Override
  public void stop() {
    infra.stop();
    ses.stop();
  }
}
