package io.isolane.replies;

import java.util.List;

/**
 * What a delivery report says.
 *
 * @param recipients the addresses that failed (lower case)
 * @param status the DSN status code, e.g. {@code 5.1.1} (null when the report states none)
 * @param hard true when the failure is permanent and the recipient address itself is gone
 * @param reason why it failed
 * @param diagnostic the remote server's words, shortened (null when absent)
 */
public record Bounce(
    List<String> recipients, String status, boolean hard, BounceReason reason, String diagnostic) {
  public Bounce {
    recipients = List.copyOf(recipients);
  }
}
