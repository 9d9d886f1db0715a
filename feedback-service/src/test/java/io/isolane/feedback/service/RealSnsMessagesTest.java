package io.isolane.feedback.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isolane.feedback.SnsMessage;
import io.isolane.feedback.client.SnsEndpoints;
import io.isolane.feedback.client.SnsHttp;
import io.isolane.feedback.config.SnsConfig;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Messages AWS really signed (see src/test/resources/sns/aws/README.md), verified by the service's
 * own verifier at their own time. The certificates expired long ago and AWS is out of reach here,
 * so the certificate fetch serves the published PEM for its published URL; every check the verifier
 * makes, including the certificate's validity at that time, still runs.
 */
class RealSnsMessagesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<String> fetched = new ArrayList<>();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "aws-sdk-java-v1-bb750",
        "ruby-us-east-2-sha1",
        "ruby-us-east-2-sha256",
        "eu-central-1-subconf-v2"
      })
  void verifiesAtItsOwnTime(String name) {
    SnsMessage message = SnsMessage.of(read(name));

    SnsMessage verified =
        verifier(message.topicArn()).verify(message, sentAt(message)).await().indefinitely();

    assertThat(verified).isEqualTo(message);
    assertThat(fetched).containsExactly(message.signingCertUrl());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"aws-sdk-java-v1-bb750", "ruby-us-east-2-sha256", "eu-central-1-subconf-v2"})
  void aChangedMessageOrTopicOrTimeIsRefused(String name) {
    ObjectNode body = read(name);
    SnsMessage message = SnsMessage.of(body);
    Instant at = sentAt(message);
    ObjectNode tampered = body.deepCopy();
    tampered.put("Message", message.message() + " ");

    assertThatThrownBy(
            () ->
                verifier(message.topicArn())
                    .verify(SnsMessage.of(tampered), at)
                    .await()
                    .indefinitely())
        .hasMessageContaining("bad signature");
    assertThatThrownBy(
            () ->
                verifier("arn:aws:sns:us-east-1:000000000000:other")
                    .verify(message, at)
                    .await()
                    .indefinitely())
        .hasMessageContaining("topic not allowed");
    assertThatThrownBy(
            () ->
                verifier(message.topicArn())
                    .verify(message, at.plus(Duration.ofHours(2)))
                    .await()
                    .indefinitely())
        .hasMessageContaining("stale Timestamp");
  }

  @org.junit.jupiter.api.Test
  void anotherMessagesSignatureDoesNotVerify() {
    ObjectNode body = read("ruby-us-east-2-sha1");
    body.put("Signature", read("ruby-us-east-2-sha256").get("Signature").asText());
    SnsMessage message = SnsMessage.of(body);

    assertThatThrownBy(
            () ->
                verifier(message.topicArn())
                    .verify(message, sentAt(message))
                    .await()
                    .indefinitely())
        .hasMessageContaining("bad signature");
  }

  @org.junit.jupiter.api.Test
  void anExpiredCertificateIsRefusedEvenWhenTheTimestampIsAccepted() {
    SnsMessage message = SnsMessage.of(read("ruby-us-east-2-sha256"));
    SnsConfig lenient = config(message.topicArn(), Duration.ofDays(365 * 20));
    SnsVerifier verifier =
        new SnsVerifier(new SnsEndpoints(lenient), new PublishedCertificates(), lenient);

    assertThatThrownBy(() -> verifier.verify(message, Instant.now()).await().indefinitely())
        .hasMessageContaining("signing certificate not valid");
  }

  private SnsVerifier verifier(String allowedTopic) {
    SnsConfig config = config(allowedTopic, Duration.ofHours(1));
    return new SnsVerifier(new SnsEndpoints(config), new PublishedCertificates(), config);
  }

  /** Serves each published PEM for the URL it was published under; records every fetch. */
  private final class PublishedCertificates extends SnsHttp {
    @Override
    public Uni<X509Certificate> certificate(String url) {
      fetched.add(url);
      String file =
          url.contains("bb750dd4")
              ? "aws-sdk-java-v1-bb750"
              : url.contains("7ff53184") ? "ruby-us-east-2" : "eu-central-1-subconf-v2";
      try (InputStream pem = resource(file + ".pem")) {
        return Uni.createFrom()
            .item(
                (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem));
      } catch (IOException | CertificateException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static SnsConfig config(String topic, Duration maxAge) {
    return new SnsConfig() {
      @Override
      public Optional<List<String>> allowedTopicArns() {
        return Optional.of(List.of(topic));
      }

      @Override
      public Duration maxAge() {
        return maxAge;
      }

      @Override
      public Optional<List<String>> extraTrustedSources() {
        return Optional.empty();
      }
    };
  }

  private static Instant sentAt(SnsMessage message) {
    return Instant.parse(message.timestamp()).plusSeconds(30);
  }

  private static ObjectNode read(String name) {
    try (InputStream in = resource(name + ".json")) {
      JsonNode node = JSON.readTree(in);
      return (ObjectNode) node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String file) {
    return RealSnsMessagesTest.class.getResourceAsStream("/sns/aws/" + file);
  }
}
