package io.isolane.sending;

import io.isolane.contracts.events.SendRequest;
import java.time.Instant;

/**
 * A message the scheduler claimed for sending (status SENDING, durably, before SES is called).
 *
 * @param id ledger row id
 * @param request the stored send request
 * @param attempts claims so far, this one included
 * @param expiresAt when to give up, or null
 */
public record Claim(long id, SendRequest request, int attempts, Instant expiresAt) {

  /** The domain of the first To address, lower case (hourly caps count per recipient domain). */
  public String recipientDomain() {
    return recipientDomain(request);
  }

  public static String recipientDomain(SendRequest request) {
    if (request.to() == null || request.to().isEmpty()) {
      return null;
    }
    String to = request.to().get(0);
    return to.substring(to.lastIndexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
  }
}
