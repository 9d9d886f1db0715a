package io.isolane.feedback.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.isolane.contracts.ContractJson;
import io.isolane.feedback.Intake;
import io.isolane.feedback.SnsMessage;
import io.isolane.feedback.client.SnsEndpoints;
import io.isolane.feedback.client.SnsHttp;
import io.isolane.feedback.messaging.DeadLetters;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * What a verified SNS message leads to: a confirmed subscription, platform events (email events or
 * inbound replies, once per SNS message id, group-committed with the dedup mark by {@link
 * IntakeBatcher}), or a dead-letter record with the reason when SES's record cannot be used.
 */
@ApplicationScoped
public class SnsIntake {
  private static final Logger LOG = Logger.getLogger(SnsIntake.class);

  /** Inbound mails SES found a virus in, dead-lettered instead of forwarded. */
  private static final String INFECTED_METRIC = "isolane.inbound.virus.rejected";

  private final SesNotifications notifications;
  private final IntakeBatcher batcher;
  private final SnsEndpoints endpoints;
  private final SnsHttp http;
  private final DeadLetters deadLetters;
  private final MeterRegistry metrics;

  public SnsIntake(
      SesNotifications notifications,
      IntakeBatcher batcher,
      SnsEndpoints endpoints,
      SnsHttp http,
      DeadLetters deadLetters,
      MeterRegistry metrics) {
    this.notifications = notifications;
    this.batcher = batcher;
    this.endpoints = endpoints;
    this.http = http;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
  }

  /** Handles a verified message; the item says what was done. */
  public Uni<String> handle(SnsMessage m, String body) {
    return switch (m.type()) {
      case SnsMessage.SUBSCRIPTION_CONFIRMATION -> confirm(m);
      case SnsMessage.NOTIFICATION -> notification(m, body);
      case SnsMessage.UNSUBSCRIBE_CONFIRMATION -> {
        LOG.warnf("SNS unsubscribed us from %s", m.topicArn());
        yield Uni.createFrom().item("noted");
      }
      default -> Uni.createFrom().failure(new RejectedSnsMessage("unknown Type " + m.type()));
    };
  }

  private Uni<String> confirm(SnsMessage m) {
    if (!endpoints.trustedSubscribeUrl(m.subscribeUrl())) {
      return Uni.createFrom()
          .failure(new RejectedSnsMessage("SubscribeURL not trusted: " + m.subscribeUrl()));
    }
    return http.confirm(m.subscribeUrl())
        .invoke(() -> LOG.infof("confirmed the subscription to %s", m.topicArn()))
        .replaceWith("confirmed");
  }

  private Uni<String> notification(SnsMessage m, String body) {
    return Uni.createFrom()
        .item(() -> record(m.message()))
        .chain(record -> notifications.eventsOf(m, record))
        .chain(
            events ->
                events.isEmpty()
                    ? Uni.createFrom().item("nothing to publish")
                    : batcher.commit(Intake.of(m.messageId(), events)))
        .onFailure(RejectedSnsMessage.class)
        .recoverWithUni(
            e ->
                deadLetters
                    .reject(m.topicArn(), body, e.getMessage())
                    .invoke(() -> counted(e))
                    .replaceWith("dead-lettered"));
  }

  // counted once the dead letter is on the broker: a failed send is retried by SNS, not recounted
  private void counted(Throwable rejected) {
    if (rejected instanceof InfectedMail) {
      LOG.warnf("inbound mail dead-lettered: %s", rejected.getMessage());
      metrics.counter(INFECTED_METRIC).increment();
    }
  }

  private static JsonNode record(String message) {
    try {
      return ContractJson.mapper().readTree(message == null ? "" : message);
    } catch (JsonProcessingException e) {
      throw new RejectedSnsMessage("the Message is not JSON");
    }
  }
}
