package io.isolane.sessimulator.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.isolane.sessimulator.SesSimulator;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsAsyncClient;

/** SNS delivers to https endpoints too (local ones with self-signed certificates). */
class HttpsSubscriberTest {

  @Test
  void httpsSubscriberReceivesTheSubscriptionConfirmation() throws Exception {
    List<String> bodies = new CopyOnWriteArrayList<>();
    HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(selfSignedContext()));
    server.createContext(
        "/",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
    try (SesSimulator simulator = Simulators.start();
        SnsAsyncClient sns = Simulators.sns(simulator)) {
      String topic = sns.createTopic(r -> r.name("secure")).join().topicArn();
      String endpoint = "https://127.0.0.1:" + server.getAddress().getPort() + "/sns";

      sns.subscribe(r -> r.topicArn(topic).protocol("https").endpoint(endpoint)).join();

      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (bodies.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(bodies)
          .singleElement()
          .asString()
          .contains("\"Type\":\"SubscriptionConfirmation\"");
    } finally {
      server.stop(0);
    }
  }

  private static SSLContext selfSignedContext() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    X500Name name = new X500Name("CN=localhost");
    Instant now = Instant.now();
    X509Certificate certificate =
        new JcaX509CertificateConverter()
            .getCertificate(
                new JcaX509v3CertificateBuilder(
                        name,
                        BigInteger.ONE,
                        Date.from(now.minusSeconds(3600)),
                        Date.from(now.plusSeconds(3600)),
                        name,
                        keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "server", keys.getPrivate(), new char[0], new X509Certificate[] {certificate});
    KeyManagerFactory keyManagers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(store, new char[0]);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers.getKeyManagers(), null, null);
    return context;
  }
}
