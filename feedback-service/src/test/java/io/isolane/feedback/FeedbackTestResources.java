package io.isolane.feedback;

import io.isolane.testkit.IsolaneTestResource;
import io.isolane.testkit.SesSimulatorResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Kafka, PostgreSQL and the SES simulator (whose SNS topic is allow-listed and whose certificate
 * source is trusted), plus the test-only secret unsubscribe links are signed with.
 */
public class FeedbackTestResources implements QuarkusTestResourceLifecycleManager {
  /** What sending-service would sign links with, in these tests (key id {@code t1}). */
  public static final byte[] UNSUBSCRIBE_SECRET =
      "feedback-service-tests-only-secret".getBytes(StandardCharsets.UTF_8);

  /** The topic SES feedback arrives on (created in the simulator, allow-listed here). */
  public static final String TOPIC = "isolane-ses-feedback";

  private final IsolaneTestResource infra = new IsolaneTestResource();
  private final SesSimulatorResource ses = new SesSimulatorResource();

  @Override
  public Map<String, String> start() {
    infra.init(Map.of("database", "feedback"));
    Map<String, String> config = new HashMap<>(infra.start());
    config.put("isolane.unsubscribe.signing-key-id", "t1");
    config.put(
        "isolane.unsubscribe.secrets",
        "t1:" + Base64.getEncoder().encodeToString(UNSUBSCRIBE_SECRET));
    config.putAll(ses.start());
    String topicArn = SesSimulatorResource.simulator().sns().createTopic(TOPIC).arn;
    config.put("isolane.feedback.sns.allowed-topic-arns", topicArn);
    config.put(
        "isolane.feedback.sns.extra-trusted-sources",
        SesSimulatorResource.simulator().endpoint().toString());
    return config;
  }

  @Override
  public void stop() {
    infra.stop();
    ses.stop();
  }
}
