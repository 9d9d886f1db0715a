package io.isolane.sending.messaging;

/** Reactive messaging channel names; topics are bound in application.properties. */
public final class Channels {
  /** Incoming: tenant.state (from the beginning: it is this service's tenant table). */
  public static final String TENANT_STATE_IN = "tenant-state-in";

  /** Incoming: send.requests. */
  public static final String SEND_REQUESTS_IN = "send-requests-in";

  /** Outgoing: email.events, through the outbox. */
  public static final String EMAIL_EVENTS_OUT = "email-events-out";

  /** Outgoing: tenant.commands (a pause when SES paused a tenant). */
  public static final String TENANT_COMMANDS_OUT = "tenant-commands-out";

  /** Outgoing: send.requests, from the HTTP intake API (answered only once the broker acked). */
  public static final String SEND_REQUESTS_OUT = "send-requests-out";

  /** Incoming: suppressions (compacted, from the beginning: the local suppression view). */
  public static final String SUPPRESSIONS_IN = "suppressions-in";

  /** Incoming: mailbox.limits (compacted, from the beginning: warm-up caps and pacing). */
  public static final String MAILBOX_LIMITS_IN = "mailbox-limits-in";

  /** Incoming: domain.limits (compacted, from the beginning: warm-up caps per sending domain). */
  public static final String DOMAIN_LIMITS_IN = "domain-limits-in";

  /** Incoming: tenant.commands (pause/resume applied here within a second). */
  public static final String TENANT_COMMANDS_IN = "tenant-commands-in";

  /** Outgoing: dlq.sending-service, for records a batch consumer rejects. */
  public static final String DEAD_LETTERS_OUT = "dead-letters-out";

  private Channels() {}
}
