package io.isolane.warmup;

/** Who warms a dedicated tenant's IPs. */
public enum IpWarmup {
  /** SES's automatic warm-up; IPs are enrolled here only one by one through the API. */
  SES,
  /** This service's plan: every IP of the tenant's pools is discovered and enrolled. */
  PLAN
}
