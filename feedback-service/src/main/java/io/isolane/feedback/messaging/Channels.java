package io.isolane.feedback.messaging;

/** Reactive messaging channel names; topics are bound in application.properties. */
public final class Channels {
  /** Incoming: email.events. */
  public static final String EMAIL_EVENTS_IN = "email-events-in";

  /** Incoming: tenant.state (API keys, domains, tiers). */
  public static final String TENANT_STATE_IN = "tenant-state-in";

  /** Incoming: suppression.requests (reply-classifier's unsubscribe replies and bounce reports). */
  public static final String SUPPRESSION_REQUESTS_IN = "suppression-requests-in";

  /** Incoming: email.events again, for health and reports (own consumer group). */
  public static final String HEALTH_EMAIL_EVENTS_IN = "health-email-events-in";

  /** Incoming: reply.classified, counted as replies. */
  public static final String HEALTH_REPLIES_IN = "health-replies-in";

  /** Incoming: tenant.commands; a resume starts the sender's health afresh. */
  public static final String HEALTH_COMMANDS_IN = "health-commands-in";

  /** Incoming: suppressions (our own), mirrored into SES tenants' suppression lists. */
  public static final String SES_MIRROR_IN = "ses-mirror-in";

  /** Outgoing: sender.health, through the outbox. */
  public static final String SENDER_HEALTH_OUT = "sender-health-out";

  /** Outgoing: tenant.commands (pauses), through the outbox. */
  public static final String TENANT_COMMANDS_OUT = "tenant-commands-out";

  /** Outgoing: inbound.replies (inbound mail for reply-classifier), through the outbox. */
  public static final String INBOUND_REPLIES_OUT = "inbound-replies-out";

  /** Outgoing: suppressions, through the outbox. */
  public static final String SUPPRESSIONS_OUT = "suppressions-out";

  /** Outgoing: email.events ({@code unsubscribed}), through the outbox. */
  public static final String EMAIL_EVENTS_OUT = "email-events-out";

  /** Outgoing: dlq.feedback-service, for verified SNS input that cannot be attributed. */
  public static final String DEAD_LETTERS_OUT = "dead-letters-out";

  private Channels() {}
}
