package io.isolane.replies.service;

import io.isolane.contracts.ContractEvent;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.RejectedEventException;
import io.isolane.contracts.events.InboundReply;
import io.isolane.contracts.events.ReplyClassified;
import io.isolane.replies.Classification;
import io.isolane.replies.Reply;
import io.isolane.replies.config.ReplyConfig;
import io.isolane.replies.repository.ReplyRepository;
import io.isolane.servicekit.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Base64;

/** Classifies each inbound reply once, stores it, and publishes reply.classified with it. */
@ApplicationScoped
public class ClassificationService {
  private final ReplyRepository replies;
  private final Outbox outbox;
  private final ReplyConfig config;
  private final MarkerClassifier classifier;

  public ClassificationService(ReplyRepository replies, Outbox outbox, ReplyConfig config) {
    this.replies = replies;
    this.outbox = outbox;
    this.config = config;
    this.classifier = new MarkerClassifier(config.maxMessageBytes());
  }

  /** Classifies the reply unless it was classified before. */
  @WithTransaction
  public Uni<Void> classify(ContractEvent<InboundReply> event) {
    InboundReply reply = event.data();
    return replies
        .findById(reply.replyId())
        .chain(seen -> seen != null ? Uni.createFrom().voidItem() : firstTime(reply));
  }

  private Uni<Void> firstTime(InboundReply inbound) {
    Classification result = classifier.classify(decode(inbound.rawMime()));
    Reply reply = new Reply();
    reply.replyId = inbound.replyId();
    reply.tenantId = inbound.tenantId();
    reply.mailbox = inbound.recipient();
    reply.sender = inbound.sender();
    reply.subject = result.subject();
    reply.category = result.category();
    reply.confidence = result.confidence();
    reply.receivedAt = inbound.receivedAt();
    reply.classifiedAt = Instant.now();
    return replies.persist(reply).chain(() -> outbox.add(eventOf(reply)));
  }

  private ContractEvent<ReplyClassified> eventOf(Reply reply) {
    ReplyClassified classified =
        new ReplyClassified(
            reply.replyId,
            reply.tenantId,
            reply.mailbox,
            reply.sender,
            null,
            reply.category,
            reply.confidence,
            null,
            null,
            reply.classifiedAt);
    return ContractEvent.of(EventTypes.REPLY_CLASSIFIED, config.eventSource(), classified);
  }

  private static byte[] decode(String base64) {
    try {
      return Base64.getMimeDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new RejectedEventException("rawMime is not base64: " + e.getMessage(), e);
    }
  }
}
