package io.isolane.sessimulator.client;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A plain JDK HTTP endpoint that records what is posted to it and answers scripted statuses. */
final class HttpReceiver implements AutoCloseable {
  /**
   * One received request.
   *
   * @param headers request headers (lower-case names)
   * @param body request body
   */
  record Received(Map<String, List<String>> headers, String body) {
    String header(String name) {
      List<String> values = headers.get(name);
      return values == null ? null : values.get(0);
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();

  HttpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Map<String, List<String>> headers = new java.util.HashMap<>();
          exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v));
          received.add(new Received(headers, body));
          Integer status = statuses.poll();
          exchange.sendResponseHeaders(status == null ? 200 : status, -1);
          exchange.close();
        });
    server.start();
  }

  /** The next responses' statuses, in order; afterwards 200. */
  void answer(Integer... nextStatuses) {
    statuses.addAll(List.of(nextStatuses));
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/sns";
  }

  /** Waits for a request matching {@code match}. */
  Received await(Predicate<Received> match) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      for (Received r : received) {
        if (match.test(r)) {
          return r;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("nothing matching arrived; got " + received.size() + " requests");
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
