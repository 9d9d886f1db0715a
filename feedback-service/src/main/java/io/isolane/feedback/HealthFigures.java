package io.isolane.feedback;

/**
 * Counts over a sender's recent sends.
 *
 * @param sends messages sent (for a recipient domain: deliveries and bounces, as sends are counted
 *     per message)
 * @param hardBounces permanent bounces
 * @param softBounces transient bounces
 * @param complaints complaints
 * @param unsubscribes unsubscribes
 * @param replies replies received
 */
public record HealthFigures(
    long sends,
    long hardBounces,
    long softBounces,
    long complaints,
    long unsubscribes,
    long replies) {
  public static final HealthFigures NONE = new HealthFigures(0, 0, 0, 0, 0, 0);

  /** Both counts added together. */
  public HealthFigures plus(HealthFigures o) {
    return new HealthFigures(
        sends + o.sends,
        hardBounces + o.hardBounces,
        softBounces + o.softBounces,
        complaints + o.complaints,
        unsubscribes + o.unsubscribes,
        replies + o.replies);
  }

  public double hardBounceRate() {
    return rate(hardBounces);
  }

  public double complaintRate() {
    return rate(complaints);
  }

  private double rate(long count) {
    return sends == 0 ? 0 : Math.min(1.0, (double) count / sends);
  }
}
