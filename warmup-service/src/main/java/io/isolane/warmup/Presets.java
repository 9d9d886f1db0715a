package io.isolane.warmup;

import java.util.List;
import java.util.Optional;

/** The built-in plans every tenant may use. */
public final class Presets {
  /** Mailboxes for cold outreach: 20 a day, about +20% a week, to 50 a day in week 6. */
  public static final Plan COLD_OUTREACH =
      new Plan(
          "cold-outreach",
          SenderKind.MAILBOX,
          List.of(
              new Plan.Step(1, 20),
              new Plan.Step(8, 25),
              new Plan.Step(15, 30),
              new Plan.Step(22, 36),
              new Plan.Step(29, 43),
              new Plan.Step(36, 50)));

  /**
   * Marketing and transactional domains (and dedicated IPs): 100 a day to 5,000 a day in six weeks,
   * 10,000 in week eight; no step more than doubles the one before.
   */
  public static final Plan BULK_DOMAIN =
      new Plan(
          "bulk-domain",
          SenderKind.DOMAIN,
          List.of(
              new Plan.Step(1, 100),
              new Plan.Step(3, 200),
              new Plan.Step(5, 350),
              new Plan.Step(8, 500),
              new Plan.Step(11, 750),
              new Plan.Step(15, 1_000),
              new Plan.Step(18, 1_500),
              new Plan.Step(22, 2_000),
              new Plan.Step(25, 3_000),
              new Plan.Step(29, 4_000),
              new Plan.Step(36, 5_000),
              new Plan.Step(43, 7_500),
              new Plan.Step(50, 10_000)));

  public static final List<Plan> ALL = List.of(COLD_OUTREACH, BULK_DOMAIN);

  private Presets() {}

  /** The preset with this name. */
  public static Optional<Plan> named(String name) {
    return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The preset new senders of this kind are enrolled in when the tenant chose none. */
  public static Plan defaultFor(SenderKind kind) {
    return kind == SenderKind.MAILBOX ? COLD_OUTREACH : BULK_DOMAIN;
  }
}
