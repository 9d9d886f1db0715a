package io.isolane.warmup.messaging;

/** Reactive messaging channel names; topics are bound in application.properties. */
public final class Channels {
  /** Incoming: tenant.state. */
  public static final String TENANT_STATE_IN = "tenant-state-in";

  /** Incoming: sender.health. */
  public static final String SENDER_HEALTH_IN = "sender-health-in";

  /** Incoming: email.events. */
  public static final String EMAIL_EVENTS_IN = "email-events-in";

  /** Incoming: reply.classified. */
  public static final String REPLY_CLASSIFIED_IN = "reply-classified-in";

  /** Outgoing: mailbox.limits, through the outbox. */
  public static final String MAILBOX_LIMITS_OUT = "mailbox-limits-out";

  /** Outgoing: domain.limits, through the outbox. */
  public static final String DOMAIN_LIMITS_OUT = "domain-limits-out";

  /** Outgoing: the service's dead-letter topic, for outbox rows that can never be published. */
  public static final String DEAD_LETTERS_OUT = "dead-letters-out";

  private Channels() {}
}
