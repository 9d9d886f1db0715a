package io.isolane.tenant.messaging;

/** Reactive messaging channel names; topics are bound in application.properties. */
public final class Channels {
  /** Outgoing: tenant.state. */
  public static final String TENANT_STATE_OUT = "tenant-state-out";

  /** Incoming: tenant.commands (pause/resume from feedback-service and operators). */
  public static final String TENANT_COMMANDS_IN = "tenant-commands-in";

  /** Outgoing: the service's dead-letter topic, for outbox rows that can never be published. */
  public static final String DEAD_LETTERS_OUT = "dead-letters-out";

  private Channels() {}
}
