package io.isolane.sessimulator.web;

import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What happens to every SES v2 / SNS call before the operation itself runs, in this order: it is
 * counted, the control-plane rate is applied (SES operations other than sending and GetAccount),
 * then a pending injected fault, if any, fails it. A throttled call therefore does not use up a
 * fault, and neither changes any state.
 */
public final class OperationGate {
  /** Where the simulator leaves its gate in each request's routing context. */
  public static final String CONTEXT_KEY = "io.isolane.sessimulator.gate";

  private final ConcurrentHashMap<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final Map<String, Fault> faults = new TreeMap<>();
  private volatile boolean anyFault;
  private final double rate;
  private double tokens;
  private long refilledAtNanos;

  /**
   * A gate.
   *
   * @param controlPlaneRate control-plane requests per second; 0 (or less) means unlimited
   */
  public OperationGate(double controlPlaneRate) {
    this.rate = controlPlaneRate;
    this.tokens = Math.max(1, controlPlaneRate);
    this.refilledAtNanos = System.nanoTime();
  }

  /**
   * The next {@code count} calls of an operation fail with this error.
   *
   * @param count calls still to fail
   * @param status HTTP status
   * @param code error code ({@code x-amzn-ErrorType}, or SNS's {@code Code})
   * @param message error message
   */
  public record Fault(int count, int status, String code, String message) {}

  /** Runs the gate for {@code operation} on a request; throws the error to answer with. */
  public static void admit(RoutingContext ctx, String operation) {
    OperationGate gate = ctx.get(CONTEXT_KEY);
    if (gate != null) {
      gate.admit(operation);
    }
  }

  /** Counts a call, then throws if it is throttled or a fault is pending for it. */
  public void admit(String operation) {
    calls.computeIfAbsent(operation, k -> new LongAdder()).increment();
    if (rate > 0 && Operations.controlPlane(operation) && !takeToken()) {
      throw SesException.tooManyRequests("Rate exceeded");
    }
    if (anyFault) {
      Fault fault = takeFault(operation);
      if (fault != null) {
        throw new SesException(fault.status(), fault.code(), fault.message());
      }
    }
  }

  /**
   * Makes the next {@code fault.count()} calls of {@code operation} fail (replaces a pending one).
   */
  public synchronized void inject(String operation, Fault fault) {
    if (!Operations.known(operation)) {
      throw new IllegalArgumentException("Unknown operation " + operation);
    }
    faults.put(operation, fault);
    anyFault = true;
  }

  /** The pending faults by operation, with the calls each still fails. */
  public synchronized Map<String, Fault> faults() {
    return new TreeMap<>(faults);
  }

  public synchronized void clearFault(String operation) {
    faults.remove(operation);
    anyFault = !faults.isEmpty();
  }

  public synchronized void clearFaults() {
    faults.clear();
    anyFault = false;
  }

  /**
   * Calls per operation since the start or the last {@link #resetCalls()}, failed ones included.
   */
  public Map<String, Long> calls() {
    Map<String, Long> out = new TreeMap<>();
    calls.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  public void resetCalls() {
    calls.clear();
  }

  private synchronized Fault takeFault(String operation) {
    Fault fault = faults.get(operation);
    if (fault == null) {
      return null;
    }
    if (fault.count() <= 1) {
      faults.remove(operation);
      anyFault = !faults.isEmpty();
    } else {
      faults.put(
          operation, new Fault(fault.count() - 1, fault.status(), fault.code(), fault.message()));
    }
    return fault;
  }

  /** A token bucket holding at most one second of calls (at least one call). */
  private synchronized boolean takeToken() {
    long now = System.nanoTime();
    tokens = Math.min(Math.max(1, rate), tokens + (now - refilledAtNanos) / 1e9 * rate);
    refilledAtNanos = now;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
