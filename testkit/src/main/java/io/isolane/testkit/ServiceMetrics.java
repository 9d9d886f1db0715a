package io.isolane.testkit;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.function.DoublePredicate;

/** Reads the service under test's meters from its Prometheus endpoint ({@code /q/metrics}). */
public final class ServiceMetrics {
  private ServiceMetrics() {}

  /** The sum of every series of the meter (all tags), 0 before the meter has a series. */
  public static double sum(String name) {
    return sum(name, "");
  }

  /**
   * The sum of the meter's series whose tags contain {@code tag} (for example {@code
   * table="message"}), 0 before there is one.
   */
  public static double sum(String name, String tag) {
    return given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .extract()
        .asString()
        .lines()
        .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
        .filter(l -> l.contains(tag))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  /** Polls {@link #sum(String)} until it matches {@code until}; fails after {@code timeout}. */
  public static void awaitSum(String name, String expected, DoublePredicate until, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    double last = sum(name);
    while (!until.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(name + " expected " + expected + " but was " + last);
      }
      Thread.sleep(100);
      last = sum(name);
    }
  }
}
