package io.isolane.replies.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.events.InboundReply;
import io.isolane.contracts.events.SuppressionReason;
import io.isolane.contracts.events.SuppressionRequest;
import io.isolane.replies.Bounce;
import io.isolane.replies.Classification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The suppression requests a classified reply calls for: the author of an unsubscribe reply, and
 * every recipient of a hard bounce. Ids derive from reply and address, so a replay asks once.
 */
public final class SuppressionRequests {
  static final String REQUESTED_BY = "reply-classifier";
  private static final int MAX_DETAIL = 1000;

  private SuppressionRequests() {}

  /** The requests for this reply; empty for every other category. */
  public static List<ContractEvent<SuppressionRequest>> of(
      String source, InboundReply inbound, Classification result, Instant now) {
    List<ContractEvent<SuppressionRequest>> out = new ArrayList<>();
    String mailbox = inbound.recipient().toLowerCase(java.util.Locale.ROOT);
    switch (result.category()) {
      case UNSUBSCRIBE -> {
        // the From author asked; the envelope sender may be a forwarder's rewritten address
        String author = result.from() != null ? result.from() : Addresses.of(inbound.sender());
        if (author != null && !author.equals(mailbox)) {
          String detail = "unsubscribe request: " + String.join("; ", result.evidence());
          out.add(event(source, inbound, author, SuppressionReason.UNSUBSCRIBE, detail, now));
        }
      }
      case BOUNCE -> {
        Bounce bounce = result.bounce();
        if (bounce != null && bounce.hard()) {
          for (String address : bounce.recipients()) {
            if (!address.equals(mailbox)) {
              out.add(
                  event(
                      source,
                      inbound,
                      address,
                      SuppressionReason.HARD_BOUNCE,
                      detail(bounce),
                      now));
            }
          }
        }
      }
      default -> {
        // nothing to suppress
      }
    }
    return out;
  }

  private static String detail(Bounce bounce) {
    return "hard bounce, reason "
        + bounce.reason().code()
        + (bounce.status() == null ? "" : ", status " + bounce.status())
        + (bounce.diagnostic() == null ? "" : ": " + bounce.diagnostic());
  }

  private static ContractEvent<SuppressionRequest> event(
      String source,
      InboundReply inbound,
      String address,
      SuppressionReason reason,
      String detail,
      Instant now) {
    String requestId = inbound.replyId() + "/" + address;
    SuppressionRequest request =
        new SuppressionRequest(
            requestId,
            inbound.tenantId(),
            address,
            reason,
            inbound.replyId(),
            REQUESTED_BY,
            detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail,
            now,
            null);
    String id =
        UUID.nameUUIDFromBytes(
                ("suppression-request:" + requestId).getBytes(StandardCharsets.UTF_8))
            .toString();
    return ContractEvent.withId(id, EventTypes.SUPPRESSION_REQUEST, source, request);
  }
}
