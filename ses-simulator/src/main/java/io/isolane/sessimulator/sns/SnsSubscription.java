package io.isolane.sessimulator.sns;

/** An HTTP(S) subscription; nothing is delivered to it before it is confirmed. */
public final class SnsSubscription {
  public final String arn;
  public final String topicArn;
  public final String protocol;
  public final String endpoint;
  public final String token;
  public final boolean rawMessageDelivery;
  public volatile boolean confirmed;

  public SnsSubscription(
      String arn,
      String topicArn,
      String protocol,
      String endpoint,
      String token,
      boolean rawMessageDelivery) {
    this.arn = arn;
    this.topicArn = topicArn;
    this.protocol = protocol;
    this.endpoint = endpoint;
    this.token = token;
    this.rawMessageDelivery = rawMessageDelivery;
  }
}
