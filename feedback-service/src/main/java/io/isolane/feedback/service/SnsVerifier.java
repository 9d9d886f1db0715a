package io.isolane.feedback.service;

import io.isolane.feedback.SnsMessage;
import io.isolane.feedback.client.SnsEndpoints;
import io.isolane.feedback.client.SnsHttp;
import io.isolane.feedback.config.SnsConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

/**
 * Trusts an SNS message only when SNS signed it: allow-listed topic, fresh timestamp, certificate
 * from SNS's own HTTPS host (checked before fetching), and a valid signature (version 1 or 2) over
 * exactly the fields SNS signs.
 */
@ApplicationScoped
public class SnsVerifier {
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final SnsEndpoints endpoints;
  private final SnsHttp http;
  private final List<String> topics;
  private final Duration maxAge;

  public SnsVerifier(SnsEndpoints endpoints, SnsHttp http, SnsConfig config) {
    this.endpoints = endpoints;
    this.http = http;
    this.topics = config.allowedTopicArns().orElse(List.of());
    this.maxAge = config.maxAge();
  }

  /** The message, once verified; otherwise a failure with the reason. */
  public Uni<SnsMessage> verify(SnsMessage m, Instant now) {
    try {
      precheck(m, now);
    } catch (RejectedSnsMessage e) {
      return Uni.createFrom().failure(e);
    }
    return http.certificate(m.signingCertUrl())
        .onFailure(e -> !(e instanceof RejectedSnsMessage))
        .transform(e -> new RejectedSnsMessage("certificate unavailable: " + e.getMessage()))
        .map(
            certificate -> {
              if (!current(certificate, now)) {
                throw new RejectedSnsMessage("signing certificate not valid at " + now);
              }
              if (!valid(m, certificate)) {
                throw new RejectedSnsMessage("bad signature");
              }
              return m;
            });
  }

  private void precheck(SnsMessage m, Instant now) {
    if (m.type() == null || m.messageId() == null || m.signature() == null) {
      throw new RejectedSnsMessage("not an SNS message");
    }
    if (!topics.contains(m.topicArn())) {
      throw new RejectedSnsMessage("topic not allowed: " + m.topicArn());
    }
    if (!"1".equals(m.signatureVersion()) && !"2".equals(m.signatureVersion())) {
      throw new RejectedSnsMessage("unknown SignatureVersion " + m.signatureVersion());
    }
    if (!endpoints.trustedCertificate(m.signingCertUrl())) {
      throw new RejectedSnsMessage("signing certificate URL not trusted: " + m.signingCertUrl());
    }
    Instant sent;
    try {
      sent = Instant.parse(m.timestamp());
    } catch (DateTimeParseException | NullPointerException e) {
      throw new RejectedSnsMessage("bad Timestamp");
    }
    if (sent.isBefore(now.minus(maxAge)) || sent.isAfter(now.plus(CLOCK_SKEW))) {
      throw new RejectedSnsMessage("stale Timestamp " + m.timestamp() + " (replay?)");
    }
  }

  private static boolean current(X509Certificate certificate, Instant now) {
    try {
      certificate.checkValidity(java.util.Date.from(now));
      return true;
    } catch (java.security.cert.CertificateException e) {
      return false;
    }
  }

  private static boolean valid(SnsMessage m, X509Certificate certificate) {
    try {
      Signature signature =
          Signature.getInstance("2".equals(m.signatureVersion()) ? "SHA256withRSA" : "SHA1withRSA");
      signature.initVerify(certificate.getPublicKey());
      signature.update(m.stringToSign().getBytes(StandardCharsets.UTF_8));
      return signature.verify(Base64.getDecoder().decode(m.signature()));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
