package io.isolane.feedback.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.ContractJson;
import io.isolane.contracts.events.EmailEvent;
import io.isolane.feedback.ProcessedEvent;
import io.isolane.feedback.SnsMessage;
import io.isolane.feedback.client.SnsEndpoints;
import io.isolane.feedback.client.SnsHttp;
import io.isolane.feedback.messaging.DeadLetters;
import io.isolane.feedback.repository.ProcessedEventRepository;
import io.isolane.servicekit.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * What a verified SNS message leads to: a confirmed subscription, platform events (email events or
 * inbound replies, once per SNS message id, written with the dedup mark in one transaction), or a
 * dead-letter record with the reason when SES's record cannot be used.
 */
@ApplicationScoped
public class SnsIntake {
  private static final Logger LOG = Logger.getLogger(SnsIntake.class);

  private final SesNotifications notifications;
  private final ProcessedEventRepository processed;
  private final Outbox outbox;
  private final SnsEndpoints endpoints;
  private final SnsHttp http;
  private final DeadLetters deadLetters;
  private final SuppressionList suppressions;

  public SnsIntake(
      SesNotifications notifications,
      ProcessedEventRepository processed,
      Outbox outbox,
      SnsEndpoints endpoints,
      SnsHttp http,
      DeadLetters deadLetters,
      SuppressionList suppressions) {
    this.notifications = notifications;
    this.processed = processed;
    this.outbox = outbox;
    this.endpoints = endpoints;
    this.http = http;
    this.deadLetters = deadLetters;
    this.suppressions = suppressions;
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
                    : Panache.withTransaction(() -> publishOnce(m, events)))
        .onFailure(RejectedSnsMessage.class)
        .recoverWithUni(
            e ->
                deadLetters
                    .reject(m.topicArn(), body, e.getMessage())
                    .replaceWith("dead-lettered"));
  }

  private Uni<String> publishOnce(SnsMessage m, List<? extends ContractEvent<?>> events) {
    String id = "sns:" + m.messageId();
    return processed
        .findById(id)
        .chain(
            seen -> {
              if (seen != null) {
                return Uni.createFrom().item("duplicate");
              }
              ProcessedEvent mark = new ProcessedEvent();
              mark.eventId = id;
              mark.tenantId = events.get(0).subject();
              mark.processedAt = Instant.now();
              return processed
                  .persist(mark)
                  .chain(() -> addAll(events))
                  .replaceWith("published " + events.size());
            });
  }

  private Uni<Void> addAll(List<? extends ContractEvent<?>> events) {
    return Multi.createFrom()
        .iterable(events)
        .onItem()
        .transformToUniAndConcatenate(e -> outbox.add(e).chain(() -> suppressAtOnce(e)))
        .collect()
        .last()
        .replaceWithVoid();
  }

  /**
   * A hard bounce or complaint suppresses in this very transaction rather than after the round trip
   * through email.events, so sending-service hears of it one relay hop after SNS posted it.
   */
  private Uni<Void> suppressAtOnce(ContractEvent<?> event) {
    if (!(event.data() instanceof EmailEvent e)) {
      return Uni.createFrom().voidItem();
    }
    return SuppressionPolicy.reasonFor(e)
        .map(
            reason ->
                suppressions
                    .suppressOnce(e.tenantId(), e.recipient(), reason, event.id())
                    .replaceWithVoid())
        .orElseGet(() -> Uni.createFrom().voidItem());
  }

  private static JsonNode record(String message) {
    try {
      return ContractJson.mapper().readTree(message == null ? "" : message);
    } catch (JsonProcessingException e) {
      throw new RejectedSnsMessage("the Message is not JSON");
    }
  }
}
