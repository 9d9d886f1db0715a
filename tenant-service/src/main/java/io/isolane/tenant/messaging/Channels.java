package io.isolane.tenant.messaging;

/** Reactive messaging channel names; topics are bound in application.properties. */
public final class Channels {
  /** Outgoing: tenant.state. */
  public static final String TENANT_STATE_OUT = "tenant-state-out";

  /** Incoming: tenant.commands (pause/resume from feedback-service and operators). */
  public static final String TENANT_COMMANDS_IN = "tenant-commands-in";

  private Channels() {}
}
