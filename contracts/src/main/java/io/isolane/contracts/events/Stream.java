package io.isolane.contracts.events;

/** A sending stream; each has its own SES configuration set. Cold outreach is marketing. */
public enum Stream {
  TRANSACTIONAL,
  MARKETING
}
