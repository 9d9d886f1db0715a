package io.isolane.feedback;

import io.isolane.testkit.IsolaneTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Kafka and PostgreSQL, plus the test-only secret unsubscribe links are signed with. */
public class FeedbackTestResources implements QuarkusTestResourceLifecycleManager {
  /** What sending-service would sign links with, in these tests (key id {@code t1}). */
  public static final byte[] UNSUBSCRIBE_SECRET =
      "feedback-service-tests-only-secret".getBytes(StandardCharsets.UTF_8);

  private final IsolaneTestResource infra = new IsolaneTestResource();

  @Override
  public Map<String, String> start() {
    infra.init(Map.of("database", "feedback"));
    Map<String, String> config = new HashMap<>(infra.start());
    config.put("isolane.unsubscribe.signing-key-id", "t1");
    config.put(
        "isolane.unsubscribe.secrets",
        "t1:" + Base64.getEncoder().encodeToString(UNSUBSCRIBE_SECRET));
    return config;
  }

  @Override
  public void stop() {
    infra.stop();
  }
}
