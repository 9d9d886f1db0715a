package io.isolane.feedback.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.smallrye.mutiny.Uni;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signing certificates over real HTTP: the first messages after a start share one fetch. */
class SnsHttpTest {
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private HttpServer server;
  private String url;

  @BeforeEach
  void serveACertificate() throws Exception {
    byte[] pem;
    try (InputStream in = getClass().getResourceAsStream("/sns/aws/ruby-us-east-2.pem")) {
      pem = in.readAllBytes();
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/cert.pem",
        exchange -> {
          requests.incrementAndGet();
          sleep(200); // slow enough for every caller to arrive while it is in flight
          boolean fail = failuresLeft.getAndDecrement() > 0;
          exchange.sendResponseHeaders(fail ? 503 : 200, fail ? -1 : pem.length);
          if (!fail) {
            exchange.getResponseBody().write(pem);
          }
          exchange.close();
        });
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort() + "/cert.pem";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void concurrentFirstRequestsShareOneFetchAndLaterOnesUseTheCache() {
    SnsHttp http = new SnsHttp();

    List<X509Certificate> certificates = fetchConcurrently(http, 64);

    assertThat(certificates).hasSize(64).allMatch(c -> c.equals(certificates.get(0)));
    assertThat(certificates.get(0).getSubjectX500Principal().getName())
        .contains("sns.amazonaws.com");
    assertThat(requests.get()).isEqualTo(1);
    http.certificate(url).await().atMost(Duration.ofSeconds(5));
    assertThat(requests.get()).isEqualTo(1);
  }

  @Test
  void aFailedFetchFailsItsWaitersAndIsTriedAgainNextTime() {
    SnsHttp http = new SnsHttp();
    failuresLeft.set(1);

    assertThat(
            http.certificate(url)
                .map(c -> "fetched")
                .onFailure()
                .recoverWithItem(e -> "failed: " + e.getMessage())
                .await()
                .atMost(Duration.ofSeconds(5)))
        .contains("answered 503");
    assertThat(http.certificate(url).await().atMost(Duration.ofSeconds(5))).isNotNull();
    assertThat(requests.get()).isEqualTo(2);
  }

  private List<X509Certificate> fetchConcurrently(SnsHttp http, int callers) {
    List<Uni<X509Certificate>> all =
        IntStream.range(0, callers).mapToObj(i -> http.certificate(url)).toList();
    return Uni.join().all(all).andFailFast().await().atMost(Duration.ofSeconds(10));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
