package io.isolane.sessimulator.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isolane.sessimulator.SesSimulator;
import io.isolane.sessimulator.SimulatorConfig;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Subscription;

class SnsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static SesSimulator simulator;
  static SnsAsyncClient sns;

  @BeforeAll
  static void start() {
    simulator =
        SesSimulator.start(SimulatorConfig.defaults().withSnsRetries(3, Duration.ofMillis(50)));
    sns = Simulators.sns(simulator);
  }

  @AfterAll
  static void stop() {
    sns.close();
    simulator.close();
  }

  @Test
  void subscriptionIsConfirmedAndReceivesSignedNotifications() throws Exception {
    try (HttpReceiver receiver = new HttpReceiver()) {
      String topic = sns.createTopic(r -> r.name("ses-events")).join().topicArn();
      assertThat(topic).isEqualTo("arn:aws:sns:us-east-1:123456789012:ses-events");
      assertThat(
              sns.subscribe(r -> r.topicArn(topic).protocol("http").endpoint(receiver.url()))
                  .join()
                  .subscriptionArn())
          .isEqualTo("pending confirmation");

      HttpReceiver.Received confirmation =
          receiver.await(
              r -> "SubscriptionConfirmation".equals(r.header("x-amz-sns-message-type")));
      JsonNode body = JSON.readTree(confirmation.body());
      assertThat(body.path("Type").asText()).isEqualTo("SubscriptionConfirmation");
      assertThat(body.path("TopicArn").asText()).isEqualTo(topic);
      assertThat(body.path("Token").asText()).isNotBlank();
      assertThat(confirmation.header("x-amz-sns-topic-arn")).isEqualTo(topic);
      assertThat(confirmation.header("content-type")).isEqualTo("text/plain; charset=UTF-8");
      assertThat(SnsSignatureVerifier.verify(body)).isTrue();

      HttpResponse<String> confirmed = Simulators.get(body.path("SubscribeURL").asText());
      assertThat(confirmed.statusCode()).isEqualTo(200);
      assertThat(confirmed.body()).contains("<SubscriptionArn>" + topic + ":");

      sns.publish(r -> r.topicArn(topic).subject("Greetings").message("{\"hello\":\"world\"}"))
          .join();
      HttpReceiver.Received notification =
          receiver.await(r -> "Notification".equals(r.header("x-amz-sns-message-type")));
      JsonNode note = JSON.readTree(notification.body());
      assertThat(note.path("Message").asText()).isEqualTo("{\"hello\":\"world\"}");
      assertThat(note.path("Subject").asText()).isEqualTo("Greetings");
      assertThat(note.path("SignatureVersion").asText()).isEqualTo("1");
      assertThat(note.path("Timestamp").asText())
          .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
      assertThat(notification.header("x-amz-sns-subscription-arn")).startsWith(topic + ":");
      assertThat(SnsSignatureVerifier.verify(note)).isTrue();
    }
  }

  @Test
  void signatureVersionTwoIsSha256AndATamperedMessageFailsVerification() throws Exception {
    try (HttpReceiver receiver = new HttpReceiver()) {
      String topic =
          sns.createTopic(
                  r -> r.name("v2-topic").attributes(java.util.Map.of("SignatureVersion", "2")))
              .join()
              .topicArn();
      confirmedSubscription(topic, receiver);

      sns.publish(r -> r.topicArn(topic).message("payload")).join();
      JsonNode note =
          JSON.readTree(
              receiver
                  .await(r -> "Notification".equals(r.header("x-amz-sns-message-type")))
                  .body());

      assertThat(note.path("SignatureVersion").asText()).isEqualTo("2");
      assertThat(note.has("Subject")).isFalse();
      assertThat(SnsSignatureVerifier.verify(note)).isTrue();
      ((ObjectNode) note).put("Message", "forged");
      assertThat(SnsSignatureVerifier.verify(note)).isFalse();
    }
  }

  @Test
  void failedDeliveriesAreRetriedLikeSnsHttpPolicy() throws Exception {
    try (HttpReceiver receiver = new HttpReceiver()) {
      String topic = sns.createTopic(r -> r.name("flaky")).join().topicArn();
      confirmedSubscription(topic, receiver);
      receiver.answer(500, 503);

      String id = sns.publish(r -> r.topicArn(topic).message("retry me")).join().messageId();

      receiver.await(
          r ->
              "Notification".equals(r.header("x-amz-sns-message-type"))
                  && r.body().contains("retry me")
                  && receiver.received().stream()
                          .filter(x -> id.equals(x.header("x-amz-sns-message-id")))
                          .count()
                      == 3);
      assertThat(
              receiver.received().stream()
                  .filter(r -> id.equals(r.header("x-amz-sns-message-id")))
                  .count())
          .isEqualTo(3);
    }
  }

  @Test
  void unsubscribedEndpointIsToldAndReceivesNothingMore() throws Exception {
    try (HttpReceiver receiver = new HttpReceiver()) {
      String topic = sns.createTopic(r -> r.name("leaving")).join().topicArn();
      confirmedSubscription(topic, receiver);
      Subscription subscription =
          sns.listSubscriptionsByTopic(r -> r.topicArn(topic)).join().subscriptions().get(0);
      assertThat(subscription.endpoint()).isEqualTo(receiver.url());
      assertThat(subscription.protocol()).isEqualTo("http");

      sns.unsubscribe(r -> r.subscriptionArn(subscription.subscriptionArn())).join();

      JsonNode bye =
          JSON.readTree(
              receiver
                  .await(r -> "UnsubscribeConfirmation".equals(r.header("x-amz-sns-message-type")))
                  .body());
      assertThat(SnsSignatureVerifier.verify(bye)).isTrue();
      assertThat(sns.listSubscriptionsByTopic(r -> r.topicArn(topic)).join().subscriptions())
          .isEmpty();
    }
  }

  @Test
  void publishingToAMissingTopicIsNotFound() {
    assertThatThrownBy(
            () ->
                sns.publish(r -> r.topicArn("arn:aws:sns:us-east-1:123456789012:nope").message("x"))
                    .join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(NotFoundException.class);
  }

  private static void confirmedSubscription(String topic, HttpReceiver receiver) throws Exception {
    sns.subscribe(r -> r.topicArn(topic).protocol("http").endpoint(receiver.url())).join();
    JsonNode confirmation =
        JSON.readTree(
            receiver
                .await(r -> "SubscriptionConfirmation".equals(r.header("x-amz-sns-message-type")))
                .body());
    sns.confirmSubscription(r -> r.topicArn(topic).token(confirmation.path("Token").asText()))
        .join();
  }
}
