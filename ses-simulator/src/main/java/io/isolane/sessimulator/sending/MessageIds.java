package io.isolane.sessimulator.sending;

import java.util.UUID;

/**
 * Message ids in SES's form: a four-hex-digit region prefix ({@code 0100} is us-east-1), the send
 * time in milliseconds as 12 hex digits, a UUID and a six-digit sequence, e.g. {@code
 * 0100019afc78b53f-1b0e6c4e-8a7b-4c3d-9e2f-0a1b2c3d4e5f-000000}.
 */
public final class MessageIds {
  private MessageIds() {}

  public static String next() {
    String millis = Long.toHexString(System.currentTimeMillis());
    return "0100"
        + "0".repeat(Math.max(0, 12 - millis.length()))
        + millis
        + "-"
        + UUID.randomUUID()
        + "-000000";
  }
}
