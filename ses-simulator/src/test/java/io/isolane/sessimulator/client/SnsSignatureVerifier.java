package io.isolane.sessimulator.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/**
 * Verifies an SNS message the way AWS documents it, written from the algorithm and sharing no code
 * with the simulator: the string to sign is {@code name\nvalue\n} for the type's fields in byte
 * order, signed SHA1withRSA (version 1) or SHA256withRSA (version 2) by the certificate at
 * SigningCertURL.
 */
final class SnsSignatureVerifier {
  private static final List<String> NOTIFICATION_FIELDS =
      List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type");
  private static final List<String> CONFIRMATION_FIELDS =
      List.of("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type");

  private SnsSignatureVerifier() {}

  static boolean verify(JsonNode message) throws Exception {
    List<String> fields =
        "Notification".equals(message.path("Type").asText())
            ? NOTIFICATION_FIELDS
            : CONFIRMATION_FIELDS;
    StringBuilder toSign = new StringBuilder();
    for (String field : fields) {
      if (message.has(field)) {
        toSign.append(field).append('\n').append(message.get(field).asText()).append('\n');
      }
    }
    String algorithm =
        switch (message.path("SignatureVersion").asText()) {
          case "1" -> "SHA1withRSA";
          case "2" -> "SHA256withRSA";
          default -> throw new IllegalArgumentException("unknown SignatureVersion");
        };
    Signature signature = Signature.getInstance(algorithm);
    signature.initVerify(certificate(message.path("SigningCertURL").asText()));
    signature.update(toSign.toString().getBytes(StandardCharsets.UTF_8));
    return signature.verify(Base64.getDecoder().decode(message.path("Signature").asText()));
  }

  private static X509Certificate certificate(String url) throws Exception {
    byte[] pem =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray())
            .body();
    X509Certificate certificate =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem));
    certificate.checkValidity();
    return certificate;
  }
}
