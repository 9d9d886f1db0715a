package io.isolane.warmup;

/** Where a sender's ramp stands after the last decision. */
public enum Phase {
  /** Advancing day by day. */
  RAMPING,
  /** Held at its cap by a health warning or its own bounce or complaint figures. */
  HOLDING,
  /** Cut back after a breach; held until healthy again. */
  CUT,
  /** Held by the tenant through the API. */
  PAUSED,
  /** At the plan's target. */
  WARMED
}
