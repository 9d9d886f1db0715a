package io.isolane.sessimulator.events;

/**
 * How recipients of one domain behave. Probabilities are per recipient; delivery is what is left
 * after hard bounces, soft bounces and suppression. Complaints, opens and clicks happen only to
 * delivered mail.
 *
 * @param hardBounce probability of a permanent bounce (550 5.1.1 user unknown)
 * @param softBounce probability of a transient bounce after retries (452 4.2.2 mailbox full)
 * @param deliveryDelay probability that a delivered message is first delayed (DeliveryDelay)
 * @param complaint probability that a delivered message draws a complaint (abuse)
 * @param open probability that a delivered message is opened
 * @param click probability that an opened message is clicked
 * @param minLatencyMillis fastest delivery (or bounce) after acceptance
 * @param maxLatencyMillis slowest delivery (uniform between the two)
 */
public record Profile(
    double hardBounce,
    double softBounce,
    double deliveryDelay,
    double complaint,
    double open,
    double click,
    long minLatencyMillis,
    long maxLatencyMillis) {

  /** Every message is delivered within 10-50 ms; nothing else happens. */
  public static final Profile DELIVER_ALL = new Profile(0, 0, 0, 0, 0, 0, 10, 50);

  public Profile {
    for (double p : new double[] {hardBounce, softBounce, deliveryDelay, complaint, open, click}) {
      if (p < 0 || p > 1) {
        throw new IllegalArgumentException("probabilities must be within 0..1");
      }
    }
    if (hardBounce + softBounce > 1) {
      throw new IllegalArgumentException("hardBounce + softBounce must not exceed 1");
    }
    if (minLatencyMillis < 0 || maxLatencyMillis < minLatencyMillis) {
      throw new IllegalArgumentException("need 0 <= minLatencyMillis <= maxLatencyMillis");
    }
  }
}
