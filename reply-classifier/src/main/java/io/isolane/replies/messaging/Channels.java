package io.isolane.replies.messaging;

/** Reactive messaging channel names; topics are bound in application.properties. */
public final class Channels {
  /** Incoming: inbound.replies. */
  public static final String INBOUND_REPLIES_IN = "inbound-replies-in";

  /** Incoming: email.events (SENT events, for threading). */
  public static final String EMAIL_EVENTS_IN = "email-events-in";

  /** Outgoing: reply.classified, through the outbox. */
  public static final String REPLY_CLASSIFIED_OUT = "reply-classified-out";

  /** Outgoing: suppression.requests, through the outbox. */
  public static final String SUPPRESSION_REQUESTS_OUT = "suppression-requests-out";

  /** Outgoing: the service's dead-letter topic, for outbox rows that can never be published. */
  public static final String DEAD_LETTERS_OUT = "dead-letters-out";

  private Channels() {}
}
