package io.isolane.sessimulator.sending;

import java.util.UUID;

/**
 * Message ids in SES's form: 16 hex digits of the send time in milliseconds, a UUID and a six-digit
 * sequence, e.g. {@code 0100018c7a1b2c3d-1b0e6c4e-8a7b-4c3d-9e2f-0a1b2c3d4e5f-000000}.
 */
public final class MessageIds {
  private MessageIds() {}

  public static String next() {
    return String.format("%016x", System.currentTimeMillis()) + "-" + UUID.randomUUID() + "-000000";
  }
}
