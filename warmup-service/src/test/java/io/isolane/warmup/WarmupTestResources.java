package io.isolane.warmup;

import io.isolane.testkit.IsolaneTestResource;
import io.isolane.testkit.SesSimulatorResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything warmup-service talks to in tests: Kafka, PostgreSQL and the SES simulator. One set for
 * every test class, so the application boots once per JVM.
 */
public class WarmupTestResources implements QuarkusTestResourceLifecycleManager {
  private final IsolaneTestResource infra = new IsolaneTestResource();
  private final SesSimulatorResource ses = new SesSimulatorResource();

  @Override
  public Map<String, String> start() {
    infra.init(Map.of("database", "warmup"));
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
