package io.isolane.feedback.client;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The only outbound calls SNS intake makes: fetching a signing certificate (cached by URL) and
 * visiting a SubscribeURL. Callers check the URL with {@link SnsEndpoints} first.
 */
@ApplicationScoped
public class SnsHttp {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final Map<String, X509Certificate> certificates = new ConcurrentHashMap<>();
  // the first messages after a start arrive together: they share one fetch
  private final Map<String, Uni<X509Certificate>> fetching = new ConcurrentHashMap<>();

  /** The certificate at {@code url}, fetched once (a failed fetch is tried again next time). */
  public Uni<X509Certificate> certificate(String url) {
    X509Certificate cached = certificates.get(url);
    if (cached != null) {
      return Uni.createFrom().item(cached);
    }
    Uni<X509Certificate> shared =
        fetching.computeIfAbsent(
            url,
            u ->
                fetch(u)
                    .map(SnsHttp::parse)
                    .invoke(certificate -> certificates.put(u, certificate))
                    .onTermination()
                    .invoke(() -> fetching.remove(u))
                    .memoize()
                    .indefinitely());
    return onCallersContext(shared);
  }

  /** Visits a SubscribeURL; fails unless SNS answered 200. */
  public Uni<Void> confirm(String subscribeUrl) {
    return get(subscribeUrl).replaceWithVoid();
  }

  private Uni<byte[]> get(String url) {
    return onCallersContext(fetch(url));
  }

  /**
   * The answer arrives on the HTTP client's threads; what follows may need the caller's context.
   */
  private static <T> Uni<T> onCallersContext(Uni<T> uni) {
    Context context = Vertx.currentContext();
    return uni.emitOn(
        task -> {
          if (context != null) {
            context.runOnContext(ignored -> task.run());
          } else {
            task.run();
          }
        });
  }

  private Uni<byte[]> fetch(String url) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
    return Uni.createFrom()
        .completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()))
        .map(
            response -> {
              if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
              }
              return response.body();
            });
  }

  private static X509Certificate parse(byte[] pem) {
    try {
      X509Certificate certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(pem));
      return certificate; // its validity is checked at the message's verification time
    } catch (CertificateException e) {
      throw new IllegalStateException("not a valid certificate: " + e.getMessage(), e);
    }
  }
}
