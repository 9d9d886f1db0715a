package io.isolane.sessimulator.sns;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An SNS topic and its subscriptions. */
public final class SnsTopic {
  public final String arn;
  public final String name;
  public final Map<String, SnsSubscription> subscriptions = new ConcurrentHashMap<>();

  /** "1" (SHA1withRSA, SNS's default) or "2" (SHA256withRSA). */
  public volatile String signatureVersion = "1";

  public SnsTopic(String arn, String name) {
    this.arn = arn;
    this.name = name;
  }
}
