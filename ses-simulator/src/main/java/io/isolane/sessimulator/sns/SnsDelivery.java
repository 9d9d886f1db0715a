package io.isolane.sessimulator.sns;

import io.isolane.sessimulator.state.History;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Posts SNS messages to HTTP(S) endpoints with SNS's headers, retrying 5xx, 429 and connection
 * failures as SNS's default HTTP policy does (a fixed number of retries, evenly spaced). Other 4xx
 * answers are final. Every attempt's outcome is kept for the read API.
 */
final class SnsDelivery {
  private static final Logger LOG = Logger.getLogger(SnsDelivery.class);

  private final Vertx vertx;
  private final HttpClient http;
  private final int retries;
  private final Duration retryDelay;
  final History<SnsDeliveryOutcome> outcomes = new History<>(10_000);

  SnsDelivery(Vertx vertx, int retries, Duration retryDelay) {
    this.vertx = vertx;
    this.http =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout(15_000)
                .setMaxPoolSize(64)
                .setKeepAlive(true)
                // https subscribers on laptops and in tests use self-signed certificates; SNS
                // would demand a public CA, which a local endpoint cannot have
                .setTrustAll(true)
                .setVerifyHost(false));
    this.retries = retries;
    this.retryDelay = retryDelay;
  }

  void post(SnsSubscription subscription, String type, String messageId, String body) {
    attempt(subscription, type, messageId, body, 1);
  }

  private void attempt(
      SnsSubscription subscription, String type, String messageId, String body, int attempt) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setAbsoluteURI(subscription.endpoint)
            .setTimeout(15_000)
            .putHeader("x-amz-sns-message-type", type)
            .putHeader("x-amz-sns-message-id", messageId)
            .putHeader("x-amz-sns-topic-arn", subscription.topicArn)
            .putHeader("Content-Type", "text/plain; charset=UTF-8")
            .putHeader("User-Agent", "Amazon Simple Notification Service Agent");
    if (subscription.confirmed) {
      options.putHeader("x-amz-sns-subscription-arn", subscription.arn);
    }
    if (subscription.rawMessageDelivery && SnsEnvelopes.NOTIFICATION.equals(type)) {
      options.putHeader("x-amz-sns-rawdelivery", "true");
    }
    http.request(options)
        .compose(request -> request.send(body))
        .onComplete(
            result -> {
              int status = result.succeeded() ? result.result().statusCode() : 0;
              if (status >= 200 && status < 300) {
                record(subscription, type, messageId, attempt, status, true);
              } else if ((status == 0 || status == 429 || status >= 500) && attempt <= retries) {
                vertx.setTimer(
                    Math.max(1, retryDelay.toMillis()),
                    t -> attempt(subscription, type, messageId, body, attempt + 1));
              } else {
                LOG.debugf("SNS delivery to %s failed with %d", subscription.endpoint, status);
                record(subscription, type, messageId, attempt, status, false);
              }
            });
  }

  private void record(
      SnsSubscription subscription,
      String type,
      String messageId,
      int attempts,
      int status,
      boolean delivered) {
    outcomes.add(
        new SnsDeliveryOutcome(
            subscription.confirmed ? subscription.arn : null,
            subscription.endpoint,
            type,
            messageId,
            attempts,
            status,
            delivered,
            Instant.now()));
  }
}
