package io.isolane.replies.service;

import io.isolane.contracts.events.InboundReply;
import io.isolane.replies.Classification;
import io.isolane.replies.Reply;
import io.isolane.replies.SentMessage;
import java.time.Instant;

/** The stored form of a classified reply. */
final class Replies {
  private static final int MAX_SUBJECT = 2000;

  private Replies() {}

  static Reply of(InboundReply inbound, Classification result, Instant now) {
    Reply reply = new Reply();
    reply.replyId = inbound.replyId();
    reply.tenantId = inbound.tenantId();
    reply.mailbox = inbound.recipient();
    reply.sender = inbound.sender();
    String subject = result.subject();
    reply.subject =
        subject == null || subject.length() <= MAX_SUBJECT
            ? subject
            : subject.substring(0, MAX_SUBJECT);
    reply.category = result.category();
    reply.confidence = result.confidence();
    reply.language = result.language();
    reply.returnDate = result.returnDate();
    reply.referral = result.referral();
    if (result.bounce() != null) {
      reply.bounceStatus = result.bounce().status();
      reply.bounceReason = result.bounce().reason().code();
      reply.bounceHard = result.bounce().hard();
    }
    reply.evidence = String.join("\n", result.evidence());
    reply.receivedAt = inbound.receivedAt();
    reply.classifiedAt = now;
    return reply;
  }

  /** Attributes the reply to the sent message it answers. */
  static void thread(Reply reply, SentMessage answered) {
    reply.inReplyTo = answered.messageId;
    reply.campaign = answered.campaign;
    reply.originalRecipient = answered.recipient;
  }
}
